"""The fields people work in: roles, skills and topics that belong together.

A headline, an experience entry, a skill list and a note all draw from the same industry row,
so a generated profile reads as one person's career rather than a bag of random words.
Word lists are tuples so the order (and therefore a seeded draw) never changes.
"""

from __future__ import annotations

from typing import NamedTuple


def _words(text: str) -> tuple[str, ...]:
    """A word list written as "a | b | c" (compact to read), as a tuple."""
    return tuple(word.strip() for word in text.split("|"))


class Industry(NamedTuple):
    name: str
    roles: tuple[str, ...]
    skills: tuple[str, ...]
    topics: tuple[str, ...]  # things people write, speak and ask about
    studies: tuple[str, ...]  # fields of study that lead here
    audiences: tuple[str, ...]  # who they serve, for "helping X" headlines


INDUSTRIES: tuple[Industry, ...] = (
    Industry(
        "Software",
        _words(
            "Software Engineer | Backend Developer | Frontend Developer | Full Stack Developer | "
            "DevOps Engineer | Site Reliability Engineer | Engineering Manager | "
            "Mobile Developer | QA Engineer | Solutions Architect"
        ),
        _words(
            "Python | TypeScript | Go | Kubernetes | PostgreSQL | AWS | React | System Design | "
            "CI/CD | Distributed Systems | Terraform | Rust"
        ),
        _words(
            "observability | platform engineering | code review culture | incident response | "
            "technical debt | developer experience | API design | testing legacy code"
        ),
        _words("Computer Science | Software Engineering | Mathematics | Electrical Engineering"),
        _words("engineering teams | startups | platform teams | CTOs"),
    ),
    Industry(
        "Data & Analytics",
        _words(
            "Data Analyst | Data Scientist | Analytics Engineer | Machine Learning Engineer | "
            "BI Developer | Head of Data | Data Engineer | Research Scientist"
        ),
        _words(
            "SQL | Python | dbt | Machine Learning | Statistics | Tableau | Power BI | Spark | "
            "Experimentation | Forecasting | Data Modeling"
        ),
        _words(
            "A/B testing | data quality | dashboards nobody reads | forecasting demand | "
            "causal inference | the modern data stack | responsible AI"
        ),
        _words("Statistics | Economics | Computer Science | Physics"),
        _words("data teams | product teams | analysts"),
    ),
    Industry(
        "Marketing",
        _words(
            "Marketing Manager | Content Strategist | SEO Specialist | Brand Manager | "
            "Growth Marketer | Social Media Manager | Product Marketing Manager | "
            "Head of Marketing | Copywriter"
        ),
        _words(
            "Content Marketing | SEO | Google Analytics | Brand Strategy | Copywriting | "
            "Email Marketing | Paid Social | Marketing Automation | Market Research | "
            "Storytelling"
        ),
        _words(
            "brand storytelling | B2B content | community-led growth | email deliverability | "
            "writing for search | positioning | customer research"
        ),
        _words("Marketing | Communications | Journalism | Business Administration"),
        _words("B2B brands | founders | small businesses | nonprofits"),
    ),
    Industry(
        "Finance",
        _words(
            "Financial Analyst | Accountant | Controller | Investment Associate | Risk Manager | "
            "FP&A Manager | Treasury Analyst | CFO | Auditor"
        ),
        _words(
            "Financial Modeling | Excel | IFRS | Budgeting | Valuation | Risk Management | "
            "Forecasting | Audit | Tax | SAP"
        ),
        _words(
            "rolling forecasts | month-end close | cash-flow planning | ESG reporting | "
            "finance automation | startup fundraising"
        ),
        _words("Finance | Accounting | Economics | Business Administration"),
        _words("CFOs | growing companies | finance teams"),
    ),
    Industry(
        "Healthcare",
        _words(
            "Registered Nurse | Clinical Research Associate | Physiotherapist | "
            "Hospital Administrator | Pharmacist | Medical Doctor | Health Data Analyst | "
            "Care Coordinator"
        ),
        _words(
            "Patient Care | Clinical Research | GCP | Healthcare Management | "
            "Electronic Health Records | Public Health | Pharmacology | Quality Improvement | "
            "Rehabilitation"
        ),
        _words(
            "patient safety | digital health | nurse staffing | clinical trial recruitment | "
            "burnout in healthcare | preventive care"
        ),
        _words("Nursing | Medicine | Pharmacy | Public Health"),
        _words("clinics | patients | care teams"),
    ),
    Industry(
        "Education",
        _words(
            "Teacher | Instructional Designer | Lecturer | Learning & Development Manager | "
            "School Principal | Education Consultant | Curriculum Developer | Academic Advisor"
        ),
        _words(
            "Curriculum Design | E-Learning | Classroom Management | Instructional Design | "
            "Coaching | Moodle | Public Speaking | Assessment Design"
        ),
        _words(
            "blended learning | student wellbeing | teaching with AI tools | adult learning | "
            "inclusive classrooms | microlearning"
        ),
        _words("Education | Psychology | English Literature | History"),
        _words("teachers | schools | learning teams"),
    ),
    Industry(
        "Design",
        _words(
            "UX Designer | Product Designer | UX Researcher | Graphic Designer | Design Lead | "
            "Service Designer | Art Director | Illustrator"
        ),
        _words(
            "Figma | User Research | Prototyping | Design Systems | Accessibility | "
            "Interaction Design | Typography | Usability Testing | Adobe Creative Suite"
        ),
        _words(
            "design systems | accessible interfaces | research operations | design critique | "
            "onboarding flows | service blueprints"
        ),
        _words("Graphic Design | Human-Computer Interaction | Fine Arts | Psychology"),
        _words("product teams | startups | agencies"),
    ),
    Industry(
        "Human Resources",
        _words(
            "HR Business Partner | People Operations Manager | HR Generalist | "
            "Compensation Analyst | Head of People | Learning Partner | "
            "Employee Relations Specialist"
        ),
        _words(
            "Employee Relations | HR Policies | Performance Management | "
            "Compensation & Benefits | Onboarding | Workday | Employment Law | "
            "Change Management"
        ),
        _words(
            "hybrid work | fair performance reviews | pay transparency | onboarding that sticks | "
            "employee engagement"
        ),
        _words("Human Resource Management | Psychology | Business Administration | Law"),
        _words("people teams | managers | growing companies"),
    ),
    Industry(
        "Consulting",
        _words(
            "Management Consultant | Strategy Consultant | Business Analyst | Senior Consultant | "
            "Engagement Manager | Independent Consultant | Transformation Lead"
        ),
        _words(
            "Strategy | Stakeholder Management | Process Improvement | Business Analysis | "
            "Change Management | PowerPoint | Lean Six Sigma | Operating Models"
        ),
        _words(
            "operating models | post-merger integration | digital transformation | "
            "cost programmes that last | working with boards"
        ),
        _words("Business Administration | Economics | Industrial Engineering | Finance"),
        _words("leadership teams | mid-size companies | public sector clients"),
    ),
    Industry(
        "Operations & Manufacturing",
        _words(
            "Operations Manager | Supply Chain Analyst | Production Engineer | "
            "Logistics Coordinator | Plant Manager | Procurement Specialist | Quality Engineer | "
            "Process Engineer"
        ),
        _words(
            "Supply Chain Management | Lean Manufacturing | Logistics | Procurement | ERP | "
            "Quality Management | Inventory Planning | Root Cause Analysis"
        ),
        _words(
            "supply chain resilience | lean on the shop floor | warehouse automation | "
            "supplier diversity | safety culture"
        ),
        _words("Mechanical Engineering | Industrial Engineering | Logistics | Chemistry"),
        _words("manufacturers | operations teams | distributors"),
    ),
    Industry(
        "Legal",
        _words(
            "Corporate Lawyer | Legal Counsel | Paralegal | Compliance Officer | "
            "Privacy Counsel | Contract Manager | Associate Attorney"
        ),
        _words(
            "Contract Law | GDPR | Compliance | Corporate Governance | Legal Research | "
            "Negotiation | Litigation | Intellectual Property"
        ),
        _words(
            "privacy regulation | contract automation | AI and copyright | legal operations | "
            "plain-language contracts"
        ),
        _words("Law | Political Science | International Relations"),
        _words("in-house teams | startups | scale-ups"),
    ),
    Industry(
        "Product",
        _words(
            "Product Manager | Senior Product Manager | Product Owner | Head of Product | "
            "Technical Product Manager | Product Operations Lead"
        ),
        _words(
            "Product Strategy | Roadmapping | User Stories | Agile | Product Discovery | Jira | "
            "Analytics | Pricing"
        ),
        _words(
            "product discovery | roadmaps without dates | pricing experiments | "
            "saying no to features | outcome-based planning"
        ),
        _words("Business Administration | Computer Science | Economics | Design"),
        _words("product teams | founders | B2B SaaS companies"),
    ),
    Industry(
        "Nonprofit",
        _words(
            "Program Manager | Fundraising Manager | Volunteer Coordinator | Grants Officer | "
            "Communications Officer | Executive Director | Policy Advisor"
        ),
        _words(
            "Fundraising | Grant Writing | Program Evaluation | Community Outreach | Advocacy | "
            "Volunteer Management | Impact Measurement"
        ),
        _words(
            "impact measurement | volunteer retention | grant writing | community organising | "
            "climate adaptation"
        ),
        _words("Social Work | Political Science | Sociology | Environmental Science"),
        _words("charities | community groups | foundations"),
    ),
    Industry(
        "Real Estate & Construction",
        _words(
            "Project Manager | Architect | Site Engineer | Property Manager | Quantity Surveyor | "
            "Real Estate Agent | Facilities Manager"
        ),
        _words(
            "Project Management | AutoCAD | BIM | Construction Management | Property Management | "
            "Cost Estimation | Sustainability | Contract Administration"
        ),
        _words(
            "net-zero buildings | modular construction | site safety | retrofitting old housing | "
            "BIM adoption"
        ),
        _words("Architecture | Civil Engineering | Construction Management | Urban Planning"),
        _words("developers | property owners | housing associations"),
    ),
)

SENIORITY = ("", "", "", "", "Senior ", "Senior ", "Lead ", "Junior ", "Principal ")

# Recruiters and salespeople have industries of their own, but they talk about the
# industries above (the roles they fill, the customers they chase).
RECRUITER_ROLES = (
    "Technical Recruiter",
    "Talent Acquisition Partner",
    "Senior Recruiter",
    "Recruitment Consultant",
    "Talent Sourcer",
    "Executive Search Consultant",
    "Head of Talent",
)
SALES_ROLES = (
    "Account Executive",
    "Business Development Manager",
    "Sales Development Representative",
    "Growth Consultant",
    "Partnerships Manager",
    "Founder & CEO",
    "Lead Generation Specialist",
    "Customer Success Manager",
)
SALES_OFFERS = (
    ("lead generation", "fill the sales pipeline", "an empty pipeline"),
    ("cloud cost optimisation", "cut cloud bills by a third", "runaway cloud costs"),
    ("offshore development", "ship features at half the cost", "slow hiring"),
    ("SEO and paid ads", "reach page one of Google", "invisible websites"),
    ("payroll software", "run payroll in minutes", "payroll errors"),
    ("website design", "turn visitors into customers", "outdated websites"),
    ("sales coaching", "close bigger deals", "stalled deals"),
    ("AI chatbots", "answer customers around the clock", "support queues"),
    ("bookkeeping", "close the books on time", "messy books"),
    ("video production", "tell a story in 60 seconds", "boring content"),
    ("cybersecurity audits", "pass security audits first time", "security gaps"),
    ("employer branding", "attract better candidates", "empty job ads"),
)
