"""Templates for profile sections: headlines, about texts, schools and degrees.

Slots (``{position}``, ``{company}``, ``{topic}``...) are filled from the sender's own
industry row, so a headline fits the job it names. All wording is this project's own.
"""

from __future__ import annotations

HEADLINES = (
    "{position} at {company}",
    "{position} at {company}",
    "{position} at {company}",
    "{position} @ {company}",
    "{position} | {skill} · {skill2}",
    "{position} at {company} | {industry}",
    "{position} · writing about {topic}",
    "{position} | helping {audience} with {topic}",
    "{position}, {industry}",
    "{position} | {skill}, {skill2} and {skill3}",
    "{position} at {company} · {city}",
    "{position} | {topic} | {skill}",
    "{position} | {industry} | Speaker on {topic}",
)
RECRUITER_HEADLINES = (
    "{position} at {company} | We're hiring!",
    "[HIRING] {position} @ {company}",
    "{position} | {industry} roles across {city}",
    "{position} | Connecting {industry} talent with great teams",
    "{position} at {company}",
    "{position} · {industry} hiring · DMs open",
    "{position} | Placing {role_plural} in {city} and remote",
)
SALES_HEADLINES = (
    "{position} at {company}",
    "Helping {audience} {outcome} | {position} @ {company}",
    "{position} | {offer} for {audience}",
    "{offer} expert 🚀 | I help you {outcome}",
    "{position} | I help {audience} {outcome}",
    "{position} @ {company} | {offer} | Let's talk growth",
    "{position} | {offer} | {n}+ happy clients",
)
# Hollow profiles: a title that says nothing, or nothing at all.
VAGUE_HEADLINES = (
    "",
    "",
    "",
    "CEO",
    "Entrepreneur",
    "Investor",
    "Self-employed",
    "Student",
    "Manager",
    "Looking for new opportunities",
    "Crypto & forex trader",
    "Director",
    "Businessman",
    "Engineer",
    "Consultant",
    "Open to work",
    "CEO | Investor | Philanthropist",
    "Private",
)
VAGUE_POSITIONS = (
    "CEO",
    "Owner",
    "Manager",
    "Director",
    "Self-employed",
    "Investor",
    "Consultant",
    "Trader",
    "Engineer",
)

ABOUT_OPENERS = (
    "{position} with {years} years of experience in {industry}.",
    "{position} based in {city}, working mostly on {topic}.",
    "I've spent the last {years} years in {industry}, most recently at {company}.",
    "I care a lot about {topic} and {topic2}.",
    "I work as {position} at {company}, where I focus on {topic}.",
    "{industry} professional with a soft spot for {topic}.",
    "After {years} years in {industry} I still enjoy the problems it throws at me.",
)
ABOUT_MIDDLES = (
    "Day to day I work with {skill} and {skill2}.",
    "Before {company} I worked on {topic2} for {audience}.",
    "I like turning messy problems into simple, repeatable processes.",
    "Outside work I mentor people who are starting out in {industry}.",
    "My focus at the moment is {topic}.",
    "I'm happiest when I'm learning something new about {topic2}.",
    "I've led projects on {topic} from the first sketch to the last retrospective.",
    "Colleagues come to me for {skill} and for a calm head when things go wrong.",
)
ABOUT_CLOSERS = (
    "Always happy to talk about {topic}.",
    "Feel free to reach out.",
    "Opinions are my own.",
    "Happy to speak at events about {topic}.",
    "Based in {city}, open to remote collaboration.",
    "Ask me about {skill}.",
)
RECRUITER_ABOUTS = (
    "I recruit {role_plural} for {industry} companies in {city} and remotely.",
    "I help {industry} teams find people who stay. Send me a message if you're curious "
    "about the market.",
    "{years} years of recruiting in {industry}. I answer every message, promise.",
    "Talent partner at {company}. We're growing and I'm always keen to hear from {role_plural}.",
)
SALES_ABOUTS = (
    "At {company} we help {audience} {outcome}. Book a call and see how.",
    "I help {audience} {outcome} with {offer}. {n}+ clients and counting.",
    "Results-driven {position}. {offer} is my passion. Let's grow together!",
    "We make {pain} a thing of the past. Message me for a free audit.",
)
HOLLOW_ABOUTS = (
    "Hi",
    "Honest, hardworking and loving.",
    "Entrepreneur. Dreamer. Doer.",
    "Business minded person.",
    "Living my best life.",
    "Contact me for business.",
    "Life is short, make it count.",
    "...",
)

GENERIC_SKILLS = (
    "Leadership",
    "Communication",
    "Teamwork",
    "Project Management",
    "Microsoft Office",
    "Problem Solving",
    "Public Speaking",
    "Negotiation",
)

SCHOOLS = (
    "University of {city}",
    "University of {city}",
    "{city} Technical University",
    "{last} College",
    "{city} School of Business",
    "{city} Polytechnic",
    "{city} State University",
    "Open University",
    "{city} Institute of Technology",
    "{last} Academy",
    "{city} College of Applied Sciences",
)
DEGREES = (
    "BSc {study}",
    "BA {study}",
    "MSc {study}",
    "MA {study}",
    "MBA",
    "PhD {study}",
    "Diploma in {study}",
    "Bachelor's degree, {study}",
    "Master's degree, {study}",
    "Certificate in {study}",
)
