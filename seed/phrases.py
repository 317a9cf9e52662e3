"""Wordings for invitation notes, as templates with ``{slots}`` (all written for this project).

A note is assembled from an opening, a core sentence of one kind, sometimes an extra sentence,
and a closing, so the few hundred pieces below combine into many thousands of distinct notes.
Slots are filled by :mod:`seed.providers` from the sender's own profile (their industry,
city, company) so that a note fits the person who sent it.
"""

from __future__ import annotations

REASON_FAMILIES = ("network", "appreciation", "profile_view", "referral", "met_before")

GREETINGS = (
    "Hi,",
    "Hi!",
    "Hello,",
    "Hello!",
    "Hi there,",
    "Hey,",
    "Hey there!",
    "Good morning,",
    "Good afternoon!",
    "Greetings,",
    "Hi hi,",
    "Hello from {city},",
    "",
    "",
    "",
)
CLOSINGS = (
    "Thanks!",
    "Thank you.",
    "Best,",
    "Best wishes,",
    "Cheers,",
    "Kind regards,",
    "All the best,",
    "Looking forward to connecting.",
    "Hope to connect!",
    "Have a great week!",
    "Would be great to stay in touch.",
    "Thanks in advance.",
    "",
    "",
    "",
)

# --------------------------------------------------------------------- the four reason families

NETWORK_CORES = (
    "I'm looking to grow my professional network in {industry} and would be glad to add you.",
    "I'm expanding my network with people working on {topic}, and your profile stood out.",
    "I'm building my network here in {city} and would love to connect with others in {industry}.",
    "I'm trying to connect with more {industry} professionals, and you seem like a great "
    "person to know.",
    "I'm growing my network as I move further into {industry}. It would be great to connect.",
    "We both work in {industry}, and I'm keen to widen my circle of people doing good work.",
    "I recently started as {position} and I'm reaching out to grow my network in the field.",
    "Expanding my network among {industry} people in {city}. Happy to connect?",
    "I'm making a point of getting to know more people in {industry} this year. Would you be "
    "open to connecting?",
    "Looking to broaden my professional network with people who care about {topic}.",
    "I'd love to have you in my network; I'm connecting with {industry} folks I can learn from.",
    "New to {city} and building up my network in {industry}. Would love to connect!",
    "I like to grow my network with people whose work I respect, and your experience in "
    "{skill} caught my eye.",
    "I'm widening my network beyond {company} and would be glad to connect with you.",
    "Just trying to expand my network with fellow {industry} professionals. Hope that's ok!",
    "I'm expanding my professional circle around {topic} and thought we should connect.",
)
NETWORK_EXTRAS = (
    "I'm always happy to swap notes on {topic}.",
    "No agenda, just keen to follow what people in the field are up to.",
    "If I can ever return the favour, just ask.",
    "I share the occasional post about {topic} too.",
    "I've been at {company} for a while and want to meet people outside it.",
)

WORKS = (
    "book",
    "article",
    "blog post",
    "talk",
    "post",
    "newsletter",
    "podcast episode",
    "webinar",
    "conference talk",
    "keynote",
    "essay",
    "case study",
)
APPRECIATION_CORES = (
    "I really enjoyed your {work} on {topic} and would love to stay in touch.",
    "Your {work} about {topic} was exactly what I needed this week. Thank you for it!",
    "I just finished your {work} on {topic}. So many useful ideas; it would be great to connect.",
    "I caught your {work} at {event} and it has stuck with me since. Would love to connect.",
    "Loved your recent {work} on {topic}! I've already shared it with my team.",
    "Your {work} on {topic} changed how I think about it. Thanks for putting it out there.",
    "I came across your {work} about {topic} and wanted to say thanks: really well put.",
    "Big fan of your {work} on {topic}. I'd be glad to follow more of your thinking.",
    "Thanks for your {work} on {topic}; I keep recommending it to colleagues.",
    "I read your {work} on {topic} twice and took notes. Mind if I connect?",
    "Your {work} on {topic} gave me the words for a problem we've had at {company} for months.",
    "I appreciated how practical your {work} on {topic} was. Would love to connect.",
    "A colleague forwarded your {work} on {topic} and I've been a fan ever since.",
    "Your {work} at {event} was the highlight of my day. Thank you!",
)
APPRECIATION_EXTRAS = (
    "The part about {topic2} especially.",
    "We're trying some of it at {company} already.",
    "Looking forward to the next one.",
    "I'd love to hear how your thinking has moved on since.",
)

PROFILE_VIEW_CORES = (
    "I noticed you viewed my profile recently. Is there anything I can help you with?",
    "Saw that you stopped by my profile, so happy to help if you were looking for something.",
    "You looked at my profile the other day, so I thought I'd reach out. How can I help?",
    "I see you visited my profile. Were you looking for someone in {industry}? Happy to chat.",
    "Thanks for checking out my profile! Let me know if I can help with anything on {topic}.",
    "Noticed you'd viewed my profile, so I wanted to say hello. Anything I can do for you?",
    "You showed up among my profile viewers, and I'm always happy to connect with people in "
    "{industry}.",
    "You viewed my profile last week. If you had a question about {topic}, ask away!",
    "I saw your name in my profile views and wondered if there's something I can help with.",
    "Since you dropped by my profile, I thought I'd say hi. What brought you there?",
    "You checked out my profile, so I figured I'd send an invite. Happy to help if I can.",
)
PROFILE_VIEW_EXTRAS = (
    "I work on {topic} at {company}, in case that's useful.",
    "No pressure at all.",
    "Happy to jump on a quick call if that's easier.",
)

REFERRAL_CORES = (
    "{referrer} suggested I get in touch with you about {topic}. Could we connect?",
    "I was talking with {referrer} and they said you'd be the right person to ask about {topic}.",
    "{referrer} recommended I reach out, as apparently you know a lot about {topic}.",
    "{referrer_first} mentioned you're the go-to person for {topic}. Would love to connect.",
    "Our mutual friend {referrer} thought we should talk about {topic}.",
    "{referrer} pointed me your way when I asked about {topic}. Mind if we connect?",
    "I met {referrer} at {event} and they suggested you'd be great to talk to about {topic}.",
    "On {referrer}'s advice I'm reaching out: I'm working on {topic} and hear you've done it "
    "before.",
    "{referrer} from my team said you gave a great answer on {topic} once. Could I ask you "
    "a couple of questions?",
    "I asked {referrer} who knows the most about {topic}, and your name came up first.",
    "{referrer} told me you helped them with {topic}, and suggested I connect with you.",
)
REFERRAL_EXTRAS = (
    "I'm {position} at {company}, trying to get {topic} right.",
    "Totally fine if you're busy.",
    "Even fifteen minutes would help a lot.",
    "Happy to buy you a coffee if you're ever in {city}.",
)

# A claimed shared past: the most common honest reason, and one fakes borrow (nobody can
# remember everyone they met at a conference).
MET_BEFORE_CORES = (
    "We met at {event}. It was great talking about {topic}, let's stay in touch here.",
    "Great chatting with you at {event}! Connecting as promised.",
    "We worked together at {company} a few years back, good to find you here.",
    "It's {first}, we were on the same {topic} project at {company}. Hope you're well!",
    "We sat at the same table at {event}. I'd love to keep the conversation going.",
    "Thanks for the call last week about {topic}. Adding you so we stay in touch.",
    "We studied together in {city}, I think! Lovely to see how your career has gone.",
    "I'm {first} from the {city} {topic} group; we spoke at the last get-together.",
    "You might remember me from {event}: we swapped notes on {topic}.",
    "Good to meet you at {event}. Let's keep in touch.",
)
MET_BEFORE_EXTRAS = (
    "I'm still at {company}, working on {topic}.",
    "Hope the rest of the event went well.",
    "Let me know if you're ever in {city} again.",
)

# --------------------------------------------------------------------- other kinds of note

# The platform's stock invitation texts, in the wordings people see most.
STOCK_NOTES = (
    "I'd like to add you to my professional network on LinkedIn.",
    "I'd like to add you to my professional network on LinkedIn.",
    "I'd like to add you to my professional network on LinkedIn.",
    "I'd like to join your LinkedIn network.",
    "I'd like to join your LinkedIn network.",
    "I'd like to connect with you on LinkedIn.",
)

# From people the user knows: a reason is not needed, but friends often say hello.
PERSONAL_CORES = (
    "Great seeing you at {event}! Let's stay in touch here too.",
    "Hey, it's {first} from {company}. Finally made it onto this site!",
    "So good to catch up last week. Connecting here as promised.",
    "Lovely to meet you at {event}. Here's the invite I promised!",
    "Fancy finding you here! Hope all is well since {company}.",
    "Was great working with you on the {topic} project. Let's keep in touch.",
    "Adding you here so I don't lose track of you again!",
    "Thanks again for the help with {topic} the other day.",
)

# Says hello but gives no reason: what hollow and lazy invitations look like.
HOLLOW_NOTES = (
    "Let's connect!",
    "Hi",
    "hello",
    "Hello, how are you doing today?",
    "Nice profile. Let's connect.",
    "Please accept my invitation.",
    "Hi dear, I would like to be your friend.",
    "Connect?",
    "I'd like to expand my network.",
    "Greetings from {city}!",
    "Hope you are fine.",
    "Hi, nice to meet you here.",
)

POLISHED_PITCHES = (
    "I help {audience} {outcome}. We've done it for teams much like yours in under {days} "
    "days. Open to a quick 15-minute call next week?",
    "I lead partnerships at {company}. We've helped {n}+ companies in {industry} deal with "
    "{pain}, typically saving {pct}%. Would you be open to a short chat?",
    "Quick question: who looks after {offer} on your side? We have a service that helps teams "
    "{outcome}. Happy to send a two-minute demo.",
    "I'd love to show you how {company} helps {audience} {outcome}. Do you have 20 minutes "
    "this week?",
    "Congrats on the recent growth! Teams at your stage usually run into {pain}. We fix exactly "
    "that. Worth a conversation?",
    "I noticed you work in {industry}. We've just launched a new {offer} service that our clients "
    "love, and I'd be glad to send you a case study.",
    "I'm reaching out because {audience} like yours tend to lose time on {pain}. Our {offer} "
    "service takes that off your plate. Free for a call on Thursday?",
    "We recently helped a company in {city} {outcome} within a quarter. I'd love to explore "
    "whether we could do the same for you.",
)
# Some sellers open as if networking before the pitch: a harder case for the rules.
PITCH_OPENERS = (
    "I'm expanding my network in {industry} and came across your profile.",
    "I came across your profile and thought it would be great to connect.",
    "Love what you're doing in {industry}!",
    "I noticed we share a few connections.",
)
CRUDE_PITCHES = (
    "want more leads?? we do {offer} 100% guaranteed results. DM me",
    "Hi dear, I can build your website or app at very low cost. Reply for portfolio",
    "Double your sales in 30 days!! Book a free call today",
    "Are you looking for investment opportunities? I made {pct}% last month trading crypto, "
    "I can show you how",
    "Hello sir/madam, we provide offshore developers at $15/hr. Interested?",
    "Need more followers? We grow accounts fast, cheap price!!!",
    "{offer} services at the best rates. Whatsapp me for details",
    "EARN FROM HOME, {n}$ per week, no experience needed. message me",
    "I have a business proposal for you. Reply if interested",
    "Best {offer} agency in {city}. Special discount only this week!!",
)

RECRUITER_NOTES = (
    "Hi! I'm recruiting for {a_role} position at {company}. Your background looks like a "
    "strong match. Open to a chat?",
    "I'm working on {a_role} role with a fast-growing {industry} company. Would you be "
    "interested in hearing more?",
    "We're hiring {a_role} in {city}. Your experience with {skill} caught my eye. Can I share "
    "the details?",
    "I have {a_role} opportunity: fully remote, competitive package, great team. Interested?",
    "Hello, I'm a recruiter at {company}. We have an opening for {a_role} and I'd love to tell "
    "you about it.",
    "Are you open to new opportunities? I'm looking for {a_role} for a client in {industry}.",
    "Your profile fits {a_role} role I'm hiring for almost exactly. Could we talk this week?",
    "I'm building a team of {role_plural} for a client in {city}, hybrid, strong salary. "
    "Would you like the job description?",
    "URGENT: hiring {role} immediately!! Please send your CV",
    "Hi, I came across your profile while searching for {a_role}. Would you be open to "
    "a confidential conversation?",
)

EVENTS = (
    "the {industry} Summit",
    "last month's meetup in {city}",
    "the {topic} webinar",
    "the {city} {industry} Forum",
    "the spring conference",
    "the panel on {topic}",
    "the alumni evening",
    "the {city} breakfast meetup",
)

EMOJI = ("🙂", "👋", "🙏", "😊", "🚀", "✨", "🤝", "👍", "😀", "💡")
