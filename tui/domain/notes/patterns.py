"""The wording rules behind note classification: one list of phrases per kind of note.

Every pattern is matched against the tidy form of a note made by :mod:`tui.domain.notes.text`:
lower case, no accents, no punctuation, apostrophes dropped (``I'd`` is ``id``, ``we're``
is ``were``, ``let's`` is ``lets``), one space between words. ``W`` stands for "any one
word", so ``W{0,2}`` lets up to two words sit between the parts of a phrase.

Each phrase must start with plain words (or a group of plain alternatives, ``\\d`` or a
character class): :mod:`tui.domain.notes.phrase_index` files phrases by their first
letters. To teach the classifier a new wording, add a phrase to the right list and a paraphrase to
``tests/data/labelled_notes.txt``; ``tests/bench/note_accuracy.py`` shows the effect.
"""

from __future__ import annotations

W = r"(?:\w+ )"  # one word and the space after it
YOU_D = r"(?:youd|you would|you ll|youll|you will)"
I_WOULD = r"(?:id|i would|i d|would|i)"
ON_LINKEDIN = r"(?: (?:on|in|at|via) linked ?in)?"

# What a person makes that another may appreciate.
WORK = (
    r"(?:books?|articles?|blog(?: posts?)?|posts?|talks?|keynote|presentation|webinar|podcast"
    r"|episode|papers?|newsletter|research|videos?|series|lectures?|course|thread|comments?"
    r"|thoughts|writing|piece|essay|speech|panel|session|workshop|tutorial|thesis|study"
    r"|report|column|interview|launch|slides|take|work|insights|content|project|book launch"
    r"|library|framework|package|repo|repository|code|tool|app|guide|documentation|docs"
    r"|documentary|film|album|photos?|art|artwork|design|campaign|case study|game)"
)

# --- selling in the first message ----------------------------------------------------------
# Clear signs of a sales pitch: these win even over a stated reason.
PITCH = (
    rf"(?:we|i) help {W}{{0,4}}?(?:companies|businesses|brands|firms|teams|startups"
    r"|organisations|organizations|agencies|founders|coaches|clients|owners|leaders|sellers"
    r"|shops|stores|people like you)",
    rf"our {W}{{0,2}}?(?:services?|solutions?|platform|products?|software|tool|app|agency"
    r"|firm|offering|programs?|programme|courses?|system|crm|consultancy|packages?|plans?)",
    r"our (?:company|firm|agency|studio|startup|team) (?:provides|offers|helps|specialises"
    r"|specializes|delivers|builds|develops|sells)",
    r"(?:we|i) (?:offer|provide|sell|deliver|supply|specialise in|specialize in)",
    rf"(?:i|we) (?:{I_WOULD} )?(?:like|love|want|wanted|would like) to (?:offer|introduce"
    r"|show|present|pitch|tell you about) (?:you )?(?:our|my|how|what we)",
    r"free (?:trial|demo|consultation|consult|audit|quote|estimate|sample|ebook|e book|guide"
    r"|strategy call|assessment)",
    r"try (?:it|us|our \w+) (?:free|for free|now|today)",
    r"(?:book|schedule|set up|arrange) a (?:free )?(?:demo|consultation)",
    r"\d+ ?(?:%|percent|x) (?:off|more|fewer|less|cheaper|faster|discount)",
    r"discounts?|special offer|exclusive offer|limited time|spots are limited|wholesale",
    r"sign up (?:here|now|today)|link in (?:my )?bio|dm me|register (?:here|now)",
    r"passive income|guaranteed (?:returns?|results|income|profits?)|investment opportunit\w+",
    r"crypto\w*|forex|bitcoin|make money|earn (?:money|passive|extra|\d+)",
    r"lead generation|(?:qualified|more|new) (?:leads|clients|customers|followers)|real followers",
    r"(?:boost|increase|grow|double|triple|scale|scaling|improve) your (?:\w+ )?(?:sales|revenue"
    r"|business|leads|roi|conversions?|pipeline|followers|productivity|store|profits?|ranking)",
    r"(?:cut|reduce|lower|slash|save) (?:your |on )?(?:\w+ )?(?:costs?|spend|bills?)",
    r"save (?:our )?clients",
    r"(?:send|share|attach) (?:you )?(?:a |our |some )?(?:case stud(?:y|ies)|proposal"
    r"|catalogue|catalog|brochure)|like a proposal|no obligation|free quote|rental yield",
    r"competitive (?:rates|prices|pricing)|dedicated teams?|outsourc\w+|ghostwriting",
    r"(?:leading|trusted|top) provider|provider of|software development company",
    r"are you the right person|who (?:handles|is responsible for|manages|looks after)",
    r"(?:send|share|give) you (?:some |more )?(?:information|details|a brochure|pricing"
    r"|our|a quote)",
    r"join my (?:webinar|course|masterclass|program|programme|community|mailing list)",
    r"(?:need|want) (?:a |an )?(?:new )?(?:website|logo|app built|developer)",
    r"i build (?:them|websites)",
    r"\bseo\b|\bppc\b|digital marketing|social media management",
    r"(?:we|i) (?:just )?launched (?:a|an|our|my) (?:new )?(?:tool|app|product|platform|service)",
    r"our new (?:app|tool|product|platform|service)",
    r"(?:earn|work|income) from home|no experience needed|(?:whatsapp|telegram|text) me",
    r"business (?:proposal|opportunity)|best rates|(?:per|a) (?:week|day) from home",
    r"(?:we|i) (?:recently |just |have )?helped (?:a|an|\d+|many|dozens of|other|teams|companies"
    r"|clients|businesses) ",
    r"do the same for you|we fix (?:exactly )?(?:that|this)",
    rf"{I_WOULD} (?:like|love) to (?:show|offer|introduce|present|pitch) you (?:how|our|my|what)",
    r"(?:we|i) help \w+ (?:turn|get|grow|win|land|close|cut|save|scale|reach|increase|generate"
    r"|hire|find|automate|reduce|double|ship|run|book)",
    r"(?:we|i) (?:manufacture|import|export|distribute|resell)|lead gen\w*|meetings a month",
    r"(?:check out|visit|see) my (?:shop|store|website|site|offer|course)|buying property",
    r"(?:we|i) (?:build|design|develop|create) (?:custom|bespoke|websites?|apps?|stores?"
    r"|software|solutions|landing pages)",
    r"(?:see|view|check out|look at) our (?:portfolio|work|website|offer|catalog|catalogue)",
    r"make (?:[$€£] )?\d|ask me how|(?:im|i am|we are|were) offering",
    r"introductory (?:price|offer|rate)",
    r"(?:send|share|get) (?:you )?(?:our |some |the )?(?:pricing|price list|rate card)",
    r"our team of|can i interest you|help your (?:company|business|team|firm|organisation"
    r"|organization|brand|store|shop)",
    r"first (?:\w+ )?(?:is )?(?:free|on us)",
    r"\bcheap\b|(?:factory|wholesale|unbeatable|affordable|low) prices|we ship|supplier of",
    r"(?:im|i am|we are|were) providing|hosting services?|may i present|tickets? (?:are|is|cost)",
    r"invite you to (?:our|my) (?:\w+ )?(?:webinar|event|dinner|workshop|masterclass|launch"
    r"|summit|demo)",
    r"(?:doubles|triples|boosts) your",
)

# Calls to a meeting: a pitch when nothing else in the note explains them.
PITCH_CALL = (
    r"(?:quick|short|brief|\d+ ?minute|\d+ min) (?:call|chat|meeting|demo)",
    r"\d+ minutes",
    r"hop on a (?:call|quick call)",
    r"(?:set up|schedule|book) a (?:\w+ )?(?:call|meeting)",
    r"worth a (?:quick )?(?:chat|call|conversation)",
)

# --- offering a job ------------------------------------------------------------------------
_JOB = r"(?:roles?|positions?|vacanc(?:y|ies)|openings?|jobs?|opportunit(?:y|ies)|contracts?)"
RECRUITER = (
    r"recruit(?:er|ers|ing|ment)?|headhunt\w*|talent (?:acquisition|partner|scout|sourcer)",
    r"(?:were|we are|im|i am|is|are|currently|actively) (?:hiring|recruiting)",
    r"hiring (?:a|an|for)|(?:filling|looking to fill)",
    rf"(?:have|got|working on|recruiting for) (?:a|an|this|some|several|multiple|two|three|new"
    rf"|\d+) {W}{{0,4}}?{_JOB}",
    rf"(?:hearing|learning|talking|chatting) about (?:a|an|the|this|some|our|my) {W}{{0,3}}?{_JOB}",
    rf"(?:a|an|the) {W}{{0,4}}?{_JOB} (?:that|which) (?:matches|might|could|would|may|fits)",
    rf"(?:open to|interested in|consider|considering) (?:new |other |a new |exploring )?"
    rf"(?:{_JOB}|challenges?|applying|a move)",
    r"new challenge|upcoming roles|strong candidate|(?:great|good|perfect|ideal) (?:fit|match)",
    rf"(?:contract|permanent|remote|freelance|full time|part time|exciting|senior|junior"
    rf"|leadership) {W}{{0,3}}?{_JOB}",
    rf"for a {W}{{0,3}}?(?:role|position|vacancy|opening)",
    r"on behalf of (?:a|my|our) client|my client|(?:join|joining) (?:our|my|the) team",
    r"pipeline of \w+|growing our \w+ team|a new (?:role|job|position)",
    r"while (?:searching|looking|hiring) for (?:a|an)|confidential (?:conversation|chat|call)",
    r"send (?:me |us )?your (?:cv|resume|c v)|urgent(?:ly)? hiring|hiring (?:\w+ ){1,4}immediately",
    r"(?:for|on behalf of) a (?:client|cilent)|job description|building a team of",
    r"(?:sourcing|looking for) candidates",
    r"(?:openings|vacancies|roles|positions) (?:in|at|for)|interview for",
    r"apply for (?:a|an|our|the)",
    r"(?:i|we) represent a client",
    r"a client (?:who is|that is|is|who s) (?:looking|hiring|searching)",
    r"(?:about|for|tell you about) (?:the|this|an|our) (?:opening|vacancy|role|position)",
    r"(?:we|were|we are|im|i am) looking for (?:a|an) (?:\w+ ){0,3}?(?:engineer|developer"
    r"|designer|manager|analyst|lead|director|head|specialist|consultant|scientist|nurse"
    r"|accountant|architect|officer|executive|administrator|intern)",
)

# --- the four families of a stated reason ----------------------------------------------------
REFERRAL = (
    r"(?:suggested|recommended|proposed|advised) (?:that )?(?:i|we|you|youd|youre|it|me)",
    r"referred (?:me|you|to you|to me)|was referred|referral|recommendation (?:of|from)",
    r"(?:on|at|by|per|upon|following) (?:\w+ ){0,3}\w+s (?:recommendation|suggestion|advice)",
    r"your name (?:came|comes|keeps coming|kept coming) up",
    r"(?:on|at|upon|following) the (?:recommendation|suggestion|advice) of",
    r"(?:told|advised) me (?:to|that|you|youd|youre|about)|i was told|got your name from",
    r"pointed me (?:your way|to you|in your direction|towards you|toward you)",
    r"put me (?:onto|on to|in touch with|in contact with) you",
    r"(?:gave|passed) me your (?:name|details|contact|profile)",
    r"passed (?:on )?your (?:name|details)",
    r"(?:mutual|common) (?:friend|contact|colleague|acquaintance|connection)",
    r"(?<!\bi )(?<!\bwe )(?:said|says|mentioned|thought|thinks|believes) (?:that )?(?:you|youd"
    r"|youre)\b",
    r"(?<!\bi )(?<!\bwe )(?<!\band )(?<!\bso )(?:said|says|thinks|thought|suggested|felt)"
    r" (?:that )?(?:i|we)"
    r" (?:should|could|might|ought|must)",
    rf"{YOU_D} be (?:the|a|my) (?:\w+ )?(?:right|best|good|great|go to|perfect|ideal)"
    r" (?:person|contact|expert)",
)

PROFILE_VIEW = (
    r"(?:viewed|visited|checked|looked|looking|stopped|dropped|peeked|glanced|browsed"
    r"|seen|scrolled|came|come|popped|swung|peeking|glancing)(?: \w+){0,3} my (?:profile|page)",
    r"visits? to my (?:profile|page)",
    r"(?:a look|a peek|a glance) at my (?:profile|page)",
    r"(?:thanks|thank you) for (?:the )?(?:profile (?:visit|view)|viewing|visiting|looking"
    r"|checking|stopping by|dropping by)",
    r"who viewed (?:your|my) profile|profile (?:visit|view)s?\b|(?:a|your) view on my profile",
    r"you (?:viewed|visited) my",
    r"(?:my|your) profile viewers|showed up (?:in|among|on) my",
)

APPRECIATION = (
    rf"(?:loved|love|enjoyed|enjoy|liked|like|appreciated|appreciate|admire|admired|read"
    rf"|reading|watched|watching|listened to|attended|saw|heard|finished|came across|found"
    rf"|fan of|follow|following|thanks|thank you|inspired by|congrats on|open sourcing|caught"
    rf"|congratulations on|learned from|learnt from)(?: \w+){{0,3}}? (?:your|the) {W}{{0,3}}?"
    rf"{WORK}\b",
    rf"your {W}{{0,3}}?{WORK} {W}{{0,8}}?(?:was|is|were|are|really|changed|saved|helped"
    r"|resonated|inspired|inspiring|brilliant|great|amazing|fascinating|insightful|useful"
    r"|excellent|fantastic|superb|spot on|stuck with me|made me)",
    rf"the {WORK} you (?:wrote|made|gave|did|published|shared|created|posted|recorded|presented"
    r"|built|put together|ran|hosted|organised|organized)",
    rf"your (?:recent |latest |last |new )?{WORK} (?:on|about|regarding|in)\b",
    rf"(?:great|brilliant|excellent|amazing|fantastic|insightful|inspiring|wonderful|superb)"
    rf" {W}{{0,2}}?{WORK}\b",
)

GROW_NETWORK = (
    r"(?:expand|expanding|grow|growing|build|building|widen|widening|broaden|broadening|extend"
    r"|extending|strengthen|strengthening|enlarge|enlarging|increase|increasing)(?: \w+){0,2}"
    r" (?:my|our|a|the) (?:\w+ ){0,2}?(?:network|circle|connections|contacts)",
    r"have you in my (?:\w+ )?network",
    r"(?:connect|connecting|network|networking) with (?:\w+ ){0,3}?(?:other|others|fellow"
    r"|like minded|professionals|people|peers|colleagues|experts|leaders|folks)",
    r"reaching out to (?:\w+ ){0,2}?(?:professionals|people|peers|experts|leaders|folks)",
    r"(?:as|im|i am|also) (?:a |also a |another )?fellow",
    r"(?:build|building|make|making|grow|growing|expand|expanding) (?:new |more |some )?"
    r"(?:connections|contacts|relationships) (?:in|with|across|among|around)",
    r"(?:were|we are) both (?:in|working in|from|into)",
    r"(?:same|similar) (?:field|industry|sector|space|area|line of work|profession)",
    r"(?:meet|know|learn from|get to know) (?:more )?(?:people|professionals|others|peers)"
    r" (?:in|from|who|working)",
    r"(?:exchange|share|swap) (?:ideas|insights|knowledge|experiences|notes)",
    r"meet (?:other|more|fellow) \w+|(?:keep|stay) in touch with (?:other|fellow|more|people)",
    r"we both (?:work|worked|are|study|studied)",
    r"(?:also|too) (?:working|work|based) in|someone (?:also|else) (?:working|in)",
)

# --- the platform's stock wording, and bare requests to connect -----------------------------
STOCK = (
    rf"{I_WOULD} (?:like|love) to add you to my (?:profess?ional )?network{ON_LINKEDIN}",
    rf"{I_WOULD} (?:like|love) to join your (?:linked ?in |professional )?network{ON_LINKEDIN}",
    rf"{I_WOULD} (?:like|love) to connect(?: with you)?{ON_LINKEDIN}",
    rf"(?:please )?accept my (?:connection )?(?:invitation|request|invite)(?: to connect)?"
    rf"{ON_LINKEDIN}",
    rf"(?:hope|hoping) {YOU_D} accept",
    rf"lets connect{ON_LINKEDIN}(?: and stay in touch)?",
    r"^(?:lets )?connect$|(?:lets )?(?:get|stay) connected",
    r"add me(?: to your network)?|connect with me|^connecting$|can we connect|shall we connect",
    r"(?:be|become) (?:a )?part of your (?:professional )?network",
    r"(?:would you like|do you want|care|want|wanna) to (?:connect|be connected)",
    r"(?:glad|happy|keen|pleased|delighted|eager|honoured|honored) to connect(?: with you)?",
    rf"(?:since you are|as) a person i trust i (?:wanted|want|d like|would like) to invite you"
    rf" to join my network{ON_LINKEDIN}",
    rf"(?:im|i am) inviting you to join my (?:professional )?network{ON_LINKEDIN}",
    r"(?:i )?(?:want|wanted) to (?:connect|invite you)",
    # the same stock note in other languages the platform ships
    r"ich mochte (?:sie|dich) (?:gerne |gern )?(?:zu )?meinem beruflichen netzwerk"
    r"(?: auf linked ?in)? hinzufugen",
    r"(?:jaimerais|je souhaiterais|je souhaite|je voudrais) (?:vous|t) ?(?:ajouter a"
    r"|inviter a rejoindre) mon reseau(?: professionnel)?(?: sur linked ?in)?",
    r"me gustaria (?:anadirte|agregarte|anadirle|agregarle) a mi red(?: profess?ional)?"
    r"(?: (?:de|en) linked ?in)?",
    r"ik wil (?:je|u) graag toevoegen aan mijn (?:professionele )?netwerk(?: op linked ?in)?",
    r"gostaria de (?:adiciona\w*(?: lo| la)?|te adicionar|o adicionar|a adicionar)"
    r" (?:a )?minha rede"
    r"(?: profissional)?(?: (?:no|do|de) linked ?in)?",
    r"vorrei aggiungerti alla mia rete(?: professionale)?(?: su linked ?in)?",
)


# Every list by the label it gives, in the order the labels win when a note matches more
# than one (see tui.domain.notes). Among the four families the more specific a reason, the more it
# says about the sender: a visit to "my profile" or a named referrer beats a wish to grow a
# network.
RULES = {
    "pitch": PITCH,
    "recruiter": RECRUITER,
    "profile_view": PROFILE_VIEW,
    "referral": REFERRAL,
    "appreciation": APPRECIATION,
    "grow_network": GROW_NETWORK,
    "pitch_call": PITCH_CALL,
    "stock": STOCK,
}
