"""Built-in crisis rules used until an admin imports a catalogue with its own.

Safety screening must never be off: a fresh installation, or one whose admin has not yet
imported a catalogue, still checks clients' free text against these lists. The example
catalogue (examples/resources.yaml) carries exactly the same lists. docs/safety.md explains the
three kinds of rule; tests/data/crisis_corpus.yaml measures them.

Patterns are written for normalised text: lowercase, no accents (ä -> a, ñ -> n, й -> и,
ї -> і, ß -> ss), apostrophes as '. Words are joined by ``\\W+``; a gap of up to N other words is
``(?:\\w+\\W+){0,N}?``. Every gap is bounded, so no pattern can take long on a 4096-character
message. The uk lists also carry Russian and surzhyk, which many Ukrainian speakers write.
"""

from __future__ import annotations

__all__ = ["DEFAULT_EXCLUSIONS", "DEFAULT_KEYWORDS", "DEFAULT_PATTERNS"]

DEFAULT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "suicide",
        "suicidal",
        "kill myself",
        "end my life",
        "end it all",
        "take my own life",
        "want to die",
        "better off dead",
        "no reason to live",
        "hurt myself",
        "self-harm",
        "cut myself",
        "overdose",
        "kms",
        "unalive myself",
        "sewer slide",
        "off myself",
        "noose",
    ),
    "es": (
        "suicidio",
        "suicidarme",
        "me quiero suicidar",
        "quitarme la vida",
        "acabar con mi vida",
        "quiero morir",
        "quiero morirme",
        "mejor muerto",
        "mejor muerta",
        "hacerme daño",
        "autolesión",
        "sobredosis",
        "pensamientos suicidas",
    ),
    "de": (
        "Suizid",
        "Selbstmord",
        "suizidal",
        "Suizidgedanken",
        "mich umbringen",
        "mir das Leben nehmen",
        "will sterben",
        "möchte sterben",
        "nicht mehr leben",
        "mich selbst verletzen",
        "Selbstverletzung",
        "mich ritzen",
        "Überdosis",
        "lebensmüde",
    ),
    "uk": (
        "самогубство",
        "суїцид",
        "вбити себе",
        "уб'ю себе",
        "покінчити з собою",
        "покінчу з собою",
        "накласти на себе руки",
        "хочу померти",
        "хочу вмерти",
        "завдати собі шкоди",
        "краще б мене не було",
        "передозування",
        # Russian
        "суицид",
        "самоубийство",
        "хочу умереть",
        "убить себя",
        "покончить с собой",
    ),
}

DEFAULT_PATTERNS: dict[str, tuple[str, ...]] = {
    "en": (
        # suicide, spelt any way (sucide, suiside, suicidial)
        r"\bsu+i*[cs]+i*d(?:e|es|i?al|ally|ality|le|el)\b",
        # killing, offing, unaliving, ending myself (also "my self", "myslef")
        r"\b(?:kill?(?:s|ed|ing|in)?|off(?:ing|ed)?|un\W?aliv(?:e|ing|ed)|end(?:ing)?|delet(?:e"
        r"|ing))\W+m[yi]\W?s(?:elf|lef|ef|el)\b(?!\W+from)",
        r"\bun\W?aliv(?:e|ing|ed)\b",
        r"\bsew(?:er|age)\W*slid\w*",
        # ending my life, taking my own life
        r"\bend(?:ing|ed|in)?\W+(?:my|this)\W+(?:own\W+|fucking\W+|miserable\W+)?li(?:fe|ves)\b",
        r"\bt(?:ake|aking|ook|aken)\W+my\W+own\W+life\b",
        r"\bt(?:ake|aking|ook|aken)\W+my\W+life\b(?!\W+(?:back|in|into|to|seriously|more|one|apart"
        r"|over|for|with)\b)",
        # intent + act: "planning to hang myself", "tried to overdose", "ready to end my life"
        r"\b(?:want\w*|wanna|plan\w*|going\W+to|gonna|decided|ready|tempted|try\w*|tried"
        r"|attempt\w*|urges?|about\W+to|gotta|need)\W+(?:to\W+)?(?:(?!(?:not|never|don'?t|doesn'?t"
        r"|won'?t|didn'?t)\W)\w+\W+){0,2}?(?:hang|shoot|drown|poison|overdose|od|unalive|off|kill)"
        r"\W+(?:m[yi]\W?self|on\W+\w+)\b",
        r"\b(?:want\w*|wanna|plan\w*|going\W+to|gonna|decided|ready|tempted|try\w*|tried"
        r"|attempt\w*|urges?)\W+(?:to\W+)?(?:(?!(?:not|never|don'?t|doesn'?t|won'?t|didn'?t)\W)\w+"
        r"\W+){0,2}?(?:end\W+(?:my\W+life|it\W+all)|take\W+my\W+(?:own\W+)?life|commit\W+suicide"
        r"|overdose)\b",
        # wanting to die, to be dead
        r"\b(?:want|wnat|wanna|wants|wanted|wish|wishing|hope|hoping|pray\w*|ready|plan\w*|deserve"
        r"|deserves|rather|prefer|need|tempted|decided|let\W+me)\W+(?:to\W+)?(?:(?!(?:not|never"
        r"|don'?t|doesn'?t|won'?t|didn'?t)\W)\w+\W+){0,3}?d(?:ie|ei)\b(?!\W+(?:down|out|off|hard"
        r"|laughing|for|of|from)\b)",
        r"\b(?:wish|wishing|want|wanna|wants|rather|prefer|hope)\W+(?:\w+\W+){0,2}?(?:be|was|were"
        r"|'?d\W+be|to\W+be)\W+(?:\w+\W+)?dead\b(?!\W+(?:tired|serious|on|set|wrong|centre|center"
        r"|last|bored|asleep)\b)",
        r"\b(?:i|i'?d|id)\W+(?:\w+\W+)?(?:should|should'?ve|would\W+be\W+better|'?d\W+be\W+better"
        r"|deserve\W+to)\W+(?:just\W+)?(?:be\W+)?(?:dead|die)\b(?!\W+(?:tired|of|from|laughing)\b)",
        r"\bfeel\w*\W+like\W+(?:\w+\W+)?(?:dying|dieing|i\W+(?:want\W+to|wanna|should|could)\W+"
        r"(?:just\W+)?die|end(?:ing|in)\W+(?:it|my\W+life|things|everything)|killing\W+myself)\b",
        # wishing not to exist, never to have been born
        r"\b(?:want|wanna|wish|wishing|hope|need)\w*\W+(?:\w+\W+){0,3}?(?:not\W+(?:to\W+)?(?:be\W+"
        r"(?:here|alive|around)|exist\w*|live|be\W+born)|(?:to\W+)?(?:stop|quit|cease)\W+"
        r"(?:existing|living|being\W+alive|to\W+exist)|never\W+(?:been|be)\W+born)\b",
        r"\bwish\W+(?:\w+\W+){0,2}?(?:never|not)\W+(?:been|be|was|were)\W+born\b",
        r"\b(?:rather|prefer\w*)\W+(?:\w+\W+)?not\W+(?:be\W+)?(?:alive|exist|living|live|here"
        r"\W+any\W*more?|wake\W+up)\b",
        r"\bi\W+(?:\w+\W+)?shouldn'?t\W+(?:\w+\W+)?(?:be\W+alive|exist|have\W+been\W+born|be"
        r"\W+living)\b",
        r"\b(?:don'?t|do\W+not|dont)\W+deserve\W+to\W+(?:live|be\W+alive|exist|be\W+here|wake"
        r"\W+up)\b",
        # not wanting to live, be alive, exist
        r"\b(?:don'?t|do\W+not|doesn'?t|no\W+longer|never)\W+(?:\w+\W+)?(?:want|wanna|wish|feel"
        r"\W+like|care)\W+(?:to\W+)?(?:(?:be|stay)\W+alive|live|living|exist|be\W+here\W+(?:any"
        r"\W*more|no\W+more|any\W+longer))\b(?!\W+(?:with|in|at|here|there|near|on|next|abroad"
        r"|alone|together|by|under|like\W+that)\b)",
        r"\b(?:don'?t|do\W+not|doesn'?t|no\W+longer|never)\W+(?:\w+\W+)?(?:want|wanna|wish|feel"
        r"\W+like)\W+(?:to\W+)?(?:wake\W*up|go\W+on|keep\W+going)\b(?!\W+(?:the|a|an|early|late"
        r"|before|at|for|on|in|with|to|so|when)\b)",
        # never waking up, sleeping forever, disappearing for good
        r"\b(?:want|wanna|wish|hope|hoping|pray|praying|prayed|rather|like|prefer)\w*\W+(?:\w+"
        r"\W+){0,4}?(?:not|never|don'?t|didn'?t|won'?t|wouldn'?t)\W+(?:\w+\W+)?wake\W*up\b(?!\W+"
        r"(?:early|late|in\W+time|on\W+time|before|at|for|too|with|the|my|him|her|you|when)\b)",
        r"\b(?:sleep|asleep)\W+(?:\w+\W+){0,2}?(?:never|not)\W+(?:\w+\W+)?wake\W*up\b(?!\W+"
        r"(?:until|till|til|before|at|in\W+time|on\W+time|early|when)\b)",
        r"\bnever\W+wake\W*up\W+again\b",
        r"\bif\W+i\W+(?:just\W+)?(?:never|didn'?t|don'?t|did\W+not)\W+(?:\w+\W+)?(?:woke|wake)"
        r"\W+up\b(?!\W+(?:on\W+time|early|before|in\W+time)\b)",
        r"\b(?:pray|praying|prayed|asking|begging)\W+(?:\w+\W+){0,2}?(?:god|jesus|the\W+universe)"
        r"\W+(?:to\W+|would\W+|will\W+)?(?:take|takes)\W+me\b",
        r"\bwish\w*\W+(?:\w+\W+){0,2}?(?:never|not|didn'?t|hadn'?t)\W+(?:\w+\W+)?(?:woken|woke"
        r"|wake)\W+up\b(?!\W+(?:so\W+)?early\b)",
        r"\b(?:want|wanna|wish|wishing|hope)\w*\W+(?:\w+\W+){0,3}?sleep\W+(?:forever|for\W+ever)\b",
        r"\bdisappear\w*\W+(?:\w+\W+)?(?:forever|for\W+good|permanently|from\W+(?:this|the)\W+"
        r"(?:world|earth|planet))\b",
        r"\b(?:disappear|vanish)\w*\W+(?:\w+\W+)?(?:and\W+)?never\W+(?:come\W+back|return|be"
        r"\W+found)\b",
        # being a burden, better off without me
        r"\b(?:better|happier)\W+(?:off\W+)?(?:\w+\W+){0,2}?without\W+me\b(?!\W+(?:there|on|at|in)"
        r"\W+(?:the|this|that)\b)",
        r"\b(?:better|happier|easier|relieved|care|notice|miss\W+me)\W+(?:\w+\W+){0,4}?(?:if|when"
        r"|once)\W+i\W+(?:\w+\W+){0,2}?(?:dead|gone|died|die|disappeared|killed\W+myself|wasn'?t"
        r"\W+(?:here|around|alive|born)|weren'?t\W+(?:here|around|alive)|didn'?t\W+exist|never"
        r"\W+existed)\b",
        r"\b(?:i'?m|im|i\W+am|i\W+feel|feel\w*\W+like|being|i\W+was|i'?ve\W+become|became)\W+"
        r"(?:\w+\W+){0,6}?(?<!\bthe\W)(?<!financial\W)(?<!\btax\W)(?<!\bdebt\W)(?<!\bcare\W)burden"
        r"\b(?!\W+of\b)",
        r"\bburden\W+(?:to|on|for)\W+(?:every\W*(?:one|body)|my\W+(?:family|kids|children|parents"
        r"|partner|husband|wife|mum|mom|dad|friends)|them|all|others|people)\b",
        r"\b(?:no\W*one|nobody|noone|no1)\W+(?:\w+\W+){0,2}?(?:would|will|'?d|wouldn'?t|even)\W+"
        r"(?:\w+\W+){0,2}?(?:miss\W+me|care|notice|cry)\W+(?:\w+\W+){0,2}?(?:if|when)\W+i\W+(?:\w+"
        r"\W+){0,2}?(?:die|died|dead|gone|disappear\w*|kill\w*|jump\w*|overdosed|wasn'?t|never)\b",
        r"\b(?:no\W*one|nobody|noone)\W+(?:would|will|'?d|is\W+going\W+to|gonna)\W+(?:even\W+"
        r"|really\W+|ever\W+)?miss\W+me\b",
        # self-harm: hurting, cutting, burning, hitting myself
        r"\b(?:hurt|hurting|hurts|harm|harming|harmed|cut|cuts|cutting|burn|burns|burned|burnt"
        r"|burning|hit|hits|hitting|punch\w*|stab\w*|starv\w*|scratch\w*|slic\w*|carv\w*|bruis\w*"
        r"|strangl\w*|suffocat\w*|poison\w*|drown\w*|shoot|shot|hang|hanged|hanging)\W+m[yi]\W?s"
        r"(?:elf|lef|ef|el)\b",
        r"\bself\W*(?:harm(?:ed|ing|s)?|injur\w*|mutilat\w*)\b",
        r"\b(?:relaps\w*|did|done|doing)\W+(?:\w+\W+)?(?:on\W+|with\W+|into\W+)?(?:sh|cutting|self"
        r"\W*harm\w*)\b",
        r"\bsh\W+(?:urges?|relapse|scars?|again)\b",
        r"\bcutting\W+(?:again|m[yi]\W?self|my\W+(?:arms?|wrists?|legs?|thighs?|skin|stomach|body"
        r"|hips?))\b",
        r"\b(?:been|was|started|start|keep|kept|back\W+to|urges?\W+to|relapsed\W+(?:on|into)"
        r"|stopped)\W+cutting\b(?=\W*$|\W*[.!?,;:)]|\W+(?:and|but|again|myself|since|for|every|at"
        r"\W+night|lately|recently|more|a\W+lot|badly|deep\w*|so|when|because|til|until|to\W+"
        r"(?:cope|feel))\b)",
        r"\b(?:i|i'?ve|ive)\W+(?:(?:relapsed|and|just|have|had|did|already|finally|then|went)"
        r"\W+){0,3}cut\W+again\b",
        r"\b(?:cut|cuts|cutting|slit|slitting|slash\w*|slic\w*|carv\w*|burn\w*|scratch\w*|stab\w*)"
        r"\W+(?:\w+\W+){0,2}?my\W+(?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach|hips?"
        r"|veins)\b",
        r"\b(?:arms?|wrists?|legs?|thighs?|skin|body|stomach)\W+(?:\w+\W+){0,3}?(?:covered\W+in"
        r"|full\W+of)\W+(?:\w+\W+)?(?:cuts|scars|burns|bruises)\b|\b(?:cuts|scars|burns)\W+(?:\w+"
        r"\W+){0,2}?(?:on|in|all\W+over)\W+my\W+(?:arms?|wrists?|legs?|thighs?|skin|body|stomach"
        r"|hips?)\b",
        r"\b(?:slit|slash|cut|open)\w*\W+(?:\w+\W+){0,2}?wrists?\b",
        r"\b(?:until|till|til)\W+(?:i|it)\W+(?:bleed|bled|bleeds)\b|\bmake\W+m[yi]\W?self\W+bleed"
        r"\b",
        r"\b(?:until|till|til)\W+(?:\w+\W+){0,2}?(?:bled|bleeds|bleeding|bleed)\b",
        r"\b(?:bought|buy|buying|got|have|found|hid|hiding|stash\w*)\W+(?:\w+\W+)?(?:new\W+)?"
        r"(?:razor\W*blades?|blades)\b(?!\W+for\W+(?:my|the)\W+(?:razor|shaver|saw)\b)",
        r"\b(?:hurt|burn\w*|cut|hit\w*|bruis\w*|scratch\w*|injur\w*|harm\w*)\W+(?:\w+\W+){0,4}?"
        r"(?:on\W+purpose|deliberately|intentionally)\b",
        r"\bburn\w*\W+(?:\w+\W+){0,3}?with\W+(?:a\W+|my\W+)?(?:lighter|cigarette|cig|ciggie|match"
        r"|matches)\b",
        r"\b(?:hit|hitting|punch\w*|bash\w*|smash\w*|bang\w*|burn\w*|cut\w*)\W+(?:\w+\W+)?my\W+"
        r"(?:legs?|arms?|head|stomach|thighs?|face|body|hands?)\W+(?:\w+\W+)?with\W+(?:a|the)\W+"
        r"(?:hammer|belt|knife|blade|razor|lighter|brick|stick)\b",
        r"\bdo\W+something\W+(?:stupid\W+|bad\W+)?to\W+m[yi]\W?self\b|\b(?:want\w*|need\w*)\W+"
        r"(?:it|myself|me)\W+to\W+(?:hurt|bleed)\b",
        r"\b(?:want|wanna|wish|let\W+me|going\W+to|gonna)\W+(?:to\W+)?(?:\w+\W+)?bleed\W+(?:out|to"
        r"\W+death)\b|\bbleed\W+to\W+death\b",
        # pills and overdose
        r"\b(?:overdos\w*|over\W?dose\w*|od'?d|od'?ing)\b|\bod\W+on\b",
        r"\b(?:whole|entire|full)\W+(?:bottle|box|pack|packet|strip|jar)\W+(?:of\W+)?(?:\w+"
        r"\W+){0,2}?(?:pills|tablets|meds|paracetamol|tylenol|ibuprofen|aspirin|painkillers|xanax"
        r"|insulin)\b",
        r"\b(?:handful|bunch|lots|loads?|stash|hoard|pile|too\W+many|heaps)\W+(?:of\W+)?(?:\w+"
        r"\W+)?(?:pills|tablets|meds|painkillers|sleeping\W+pills|paracetamol|tylenol|xanax)\b",
        r"\b(?:sav(?:e|ed|ing)\W+up|stockpil\w*|hoard\w*|collect\w*|stash\w*)\W+(?:\w+\W+){0,2}?"
        r"(?:pills|tablets|meds|painkillers|paracetamol)\b",
        r"\b(?:pills|tablets|meds|medication|painkillers|paracetamol)\W+(?:\w+\W+){0,2}?(?:at"
        r"\W+once|in\W+one\W+go|at\W+the\W+same\W+time|tonight|and\W+(?:die|end|not\W+wake|never"
        r"\W+wake))\b",
        r"\b(?:enough|all)\W+(?:\w+\W+){0,2}?(?:pills|tablets|meds|painkillers)\W+to\W+(?:die|end"
        r"|do\W+it|kill|not\W+wake)\b",
        r"\b(?:took|taken|swallowed|had|popped|downed)\W+(?:\w+\W+)?(?:like\W+|about\W+|around\W+"
        r"|over\W+)?(?:[2-9]\d|\d{3,}|twenty|thirty|forty|fifty)\W+(?:\w+\W+)?(?:pills|tablets"
        r"|paracetamol|painkillers|sleeping\W+pills)\b",
        r"\b(?:took|taken|swallowed|downed|popped)\W+(?:\w+\W+)?(?:a\W+)?(?:load|loads|lot|lots"
        r"|bunch|handful|heap|pile|ton|tons)\W+of\W+(?:my\W+|the\W+)?(?:\w+\W+)?(?:pills|tablets"
        r"|meds|medication|painkillers|antidepressants|sleeping\W+pills|paracetamol)\b",
        r"\b(?:took|taken|swallowed|downed|had)\W+(?:\w+\W+){0,5}?(?:pills|tablets|meds|medication"
        r"|painkillers|antidepressants|paracetamol)\W+(?:\w+\W+){0,4}?(?:on\W+purpose|deliberately"
        r"|intentionally|to\W+(?:die|end\W+it|not\W+wake\W+up))\b",
        r"\b(?:took|taken|swallowed|bought|saving|saved|collected)\W+(?:\w+\W+){0,4}?to\W+(?:die"
        r"|end\W+it|end\W+my\W+life|kill\W+myself)\b",
        r"\bhow\W+(?:many|much)\W+(?:\w+\W+)?(?:pills|tablets|paracetamol|tylenol|sleeping\W+pills"
        r"|insulin)\W+(?:\w+\W+)?(?:it\W+takes|to\W+(?:die|kill|overdose|od)|would\W+(?:kill|be"
        r"\W+fatal))\b",
        r"\b(?:vodka|alcohol|booze|wine|whiskey|drink)\W+(?:\w+\W+){0,3}?(?:and|with)\W+(?:\w+"
        r"\W+)?(?:pills|tablets|meds|painkillers|sleeping\W+pills)\b|\b(?:pills|tablets|meds)\W+"
        r"(?:with|and)\W+(?:\w+\W+)?(?:vodka|alcohol|booze|wine|whiskey)\b",
        r"\b(?:bottle|pack|packet|box|handful|stash)\W+of\W+(?:\w+\W+)?(?:pills|tablets|meds"
        r"|painkillers|paracetamol)\W+(?:\w+\W+)?(?:next\W+to\W+me|beside\W+me|in\W+(?:front\W+of"
        r"\W+me|my\W+hand)|ready)\b",
        # jumping from a height
        r"\bjump\w*\W+(?:off|from)\W+(?:\w+\W+){0,2}?(?:bridge|roof|rooftop|building|balcony"
        r"|window|cliff|ledge|tower|overpass|car\W*park|parking\W+(?:garage|lot)|high\W*rise"
        r"|skyscraper)\b(?!\W+(?:into\W+the\W+(?:river|water|lake|sea)|as\W+(?:a\W+)?kids?|for"
        r"\W+fun)\b)",
        r"\b(?:think\w*|thought|urges?|tempt\w*|want\w*|wanna|going\W+to|gonna|plan\w*|close\W+to)"
        r"\W+(?:about\W+|of\W+|to\W+)?(?:\w+\W+){0,2}?jump(?:ing)?\b(?=\W*$|\W*[.!?,;]|\W+(?:off"
        r"|from|in\W+front|under|out\W+(?:of\W+)?(?:the|a|my)\W+window|again|tonight|today)\b)",
        # trains, traffic
        r"\b(?:jump\w*|step\w*|throw\w*|threw|walk\w*|lie|lay|lying|laying|run|ran)\W+(?:m[yi]"
        r"\W?self\W+)?(?:out\W+)?(?:in\W+front\W+of|under)\W+(?:\w+\W+){0,2}?(?:train|bus|truck"
        r"|lorry|car|tram|subway|metro|tube|traffic)\b",
        r"\b(?:walk|step|jump|run|ran|drive|drove|throw)\w*\W+(?:m[yi]\W?self\W+)?into\W+(?:the"
        r"\W+)?(?:oncoming\W+)?traffic\b",
        r"\bdriv\w*\W+(?:\w+\W+){0,3}?(?:off\W+(?:a|the)\W+(?:cliff|bridge|road)|into\W+(?:a|the)"
        r"\W+(?:wall|tree|river|lake|sea|truck|lorry))\b|\bcrash\w*\W+my\W+car\W+on\W+purpose\b",
        r"\b(?:walk|swim|go|wade)\w*\W+(?:\w+\W+)?(?:into|out\W+into|out\W+to)\W+(?:the\W+)?(?:sea"
        r"|ocean|lake|river|water)\W+(?:\w+\W+){0,2}?(?:not|never)\W+(?:come\W+back|return|stop)\b",
        r"\b(?:car|engine)\W+(?:\w+\W+){0,4}?(?:garage|exhaust|hose)\b(?=\W+(?:\w+\W+){0,4}?"
        r"(?:engine|running|die|end))|\bgarage\W+(?:\w+\W+){0,4}?engine\W+running\b",
        r"\b(?:throw|throwing|threw|hurl\w*|fling|flung|yeet\w*)\W+m[yi]\W?s(?:elf|lef|ef|el)\W+"
        r"(?:off|from|out|under|in\W+front|into|down)\b",
        r"\b(?:wish|hope|want|wanna|pray)\w*\W+(?:\w+\W+){0,4}?(?:hit|run\W+over|killed)\W+by\W+"
        r"(?:a|the)\W+(?:\w+\W+)?(?:car|bus|train|truck|lorry)\b",
        # rope, hanging, guns; standing on a bridge or roof
        r"\b(?:bought|buy|buying|got|get|getting|have|found|tie|tied|tying|hid|hide|hidden|made"
        r"|ordered)\W+(?:\w+\W+)?(?:a|the|some|this)\W+(?:\w+\W+)?rope\b(?!\W+(?:ladder|swing"
        r"|course|bridge|light|toy|for\W+(?:the|my)\W+(?:dog|boat|tent|garden|climbing)|to"
        r"\W+climb)\b)",
        r"\brope\W+(?:\w+\W+){0,3}?(?:neck|ceiling|beam|rafter|hook)\b",
        # the means made ready: "the rope is ready", "noose all set up" (not for a climb, a
        # tent, the washing: a purpose in the next few words, or just before)
        r"\b(?:rope|noose)\b(?!\W+(?:for|to)\W)\W+(?:\w+\W+){0,3}?(?:ready|set\W+up|prepared|tied"
        r"|waiting)\b(?!(?:\W+\w+){0,3}?\W+(?:climb\w*|boat|tent|swing|dog|camping|hike|sailing"
        r"|class|gym|laundry|washing|clothes)\b)",
        r"\b(?:gun|pistol|rifle|rope|noose|pills|razor|blades?)\b\W+(?:\w+\W+){0,8}?(?:think\w*"
        r"|thought)\W+(?:about\W+|of\W+)?(?:it|them|using)\b",
        r"\b(?:railway|train|tracks?|platform|traffic|bridge|ledge|roof)\b\W+(?:\w+\W+){0,6}?"
        r"(?:thought|thinking|wanted|want|urge|tempted)\W+(?:\w+\W+){0,2}?(?:step\w*|jump\w*"
        r"|throw\w*|fall\w*)\b",
        r"\b(?:keep|kept|can'?t\W+stop)\W+(?:\w+\W+)?(?:looking|staring|thinking)\W+(?:at|about)"
        r"\W+(?:the\W+|my\W+)?(?:knives|knife|blades?|razors?|pills|rope|bridge|tracks|gun)\b",
        r"\b(?:about|of|bout|doing|commit)\W+sui\b|\bctb\b",
        r"\b(?:standing|stood|sitting|sat|i'?m|im)\W+(?:\w+\W+)?(?:on|at)\W+(?:the|a)\W+(?:edge"
        r"\W+of\W+(?:the|a)\W+)?(?:bridge|roof|rooftop|ledge|cliff|train\W+tracks|railway"
        r"\W+tracks)\b(?!\W+(?:terrace|bar|garden|party|restaurant|cafe)\b)",
        r"\b(?:gun|pistol|rifle|revolver|shotgun|firearm)\W+(?:\w+\W+){0,5}?(?:on\W+m[yi]\W?self"
        r"|to\W+my\W+(?:head|temple|mouth)|in\W+my\W+mouth|and\W+(?:end|kill|shoot))\b",
        r"\b(?:use|using|used)\W+(?:it|them|that|those)\W+on\W+m[yi]\W?self\b",
        r"\bbl[eo]w\w*\W+my\W+(?:\w+\W+)?(?:brains|head)\W+(?:out|off)\b|\b(?:bullet|shot)\W+"
        r"(?:\w+\W+){0,2}?(?:in|into|through)\W+my\W+(?:head|brain|skull|mouth)\b",
        # hopelessness about living
        r"\bno\W+(?:\w+\W+)?(?:point|reason|purpose|sense)\W+(?:in\W+|to\W+|of\W+|for\W+me\W+to"
        r"\W+)?(?:liv(?:e|ing)|life|being\W+alive|going\W+on|carry\w*\W+on|keep\w*\W+(?:going"
        r"|living)|exist\w*|staying\W+alive|being\W+here|wak\w*\W+up)\b(?!\W+(?:in|with|at|here"
        r"|there|near)\b)",
        r"\bwhat(?:'?s|\W+is)\W+(?:even\W+)?the\W+point\W+(?:of\W+|in\W+)?(?:liv(?:e|ing)|life"
        r"|being\W+alive|going\W+on|carrying\W+on|anything|it\W+all|existing|any\W*more?)\b",
        r"\bnothing\W+(?:\w+\W+)?(?:left\W+)?(?:to\W+)?live\W+for\b",
        r"\b(?:keep|go\W+on|carry\W+on|continue)\W+living\b(?!\W+(?:in|at|with|near|here|there|on"
        r"|abroad|together)\b)",
        r"\b(?:no|can'?t\W+see\W+(?:a|any)|don'?t\W+see\W+(?:a|any)|don'?t\W+have\W+a|there'?s"
        r"\W+no|there\W+is\W+no)\W+future\b(?!\W+(?:in|with|for\W+(?:this|the|our|that))\b)",
        r"\b(?:can'?t|cannot|can\W+not|couldn'?t|unable\W+to)\W+(?:\w+\W+)?(?:go\W+on|keep\W+going"
        r"|carry\W+on|keep\W+living|live\W+like\W+this)(?=\W*$|\W*[.!?,;:]|\W+(?:like|any\W*more?"
        r"|any\W+longer|living|much\W+longer|without|and|but|i|so|alone|no\W+more)\b)",
        r"\b(?:can'?t|cannot|can\W+not|couldn'?t)\W+(?:\w+\W+)?(?:do\W+this|take\W+(?:it|this|the"
        r"\W+pain|life)|cope|stand\W+(?:it|this|being\W+alive|living)|live\W+with\W+myself)\W+any"
        r"\W*(?:more?|longer)\b(?!\W+with\W+(?:this|the|my|these|that)\b)",
        r"\b(?:no|see\W+no|(?:don'?t|can'?t|not)\W+(?:see|find)\W+(?:a|any)|there'?s\W+no|there"
        r"\W+is\W+no|only)\W+(?:other\W+)?way\W+out\b(?!\W+(?:is\W+(?:through|via)|of\W+(?:the"
        r"|this)\W+(?:building|car\W*park|parking|maze|mall|station|room|contract|lease|meeting"
        r"|job|class|party))\b)",
        r"\bg(?:ive|iving|ave|iven)\W+up\W+on\W+(?:life|living|everything|myself|it\W+all)\b(?!\W+"
        r"(?:drawing|insurance|coaching|class|skills|lessons|admin)\b)",
        r"\b(?:tired|sick|exhausted|weary|done|finished|fed\W+up)\W+(?:\w+\W+)?(?:of|with)\W+(?:"
        r"(?:being\W+)?alive|liv(?:e|ing)|life|existing|this\W+life|my\W+life|it\W+all|being"
        r"\W+here)\b(?!\W+(?:in|with|at|here|there|near|on|next|under|paycheck|off|out|like\W+a|as"
        r"\W+a)\b)",
        r"\b(?:had|have|'?ve\W+had)\W+enough\W+of\W+(?:life|living|being\W+alive|everything|it"
        r"\W+all|this\W+life)\b",
        r"\bnot\W+worth\W+living\b|\blife\W+(?:\w+\W+)?(?:is\W+not|isn'?t|isnt|ain'?t|not)\W+"
        r"(?:\w+\W+)?worth\W+(?:it|living)\b",
        r"\bhate\W+(?:\w+\W+)?(?:being\W+alive|existing|being\W+born|waking\W+up)\b",
        r"\bwant\w*\W+out\W+of\W+(?:this\W+|my\W+)?life\b|\b(?:tired|sick|exhausted|fighting"
        r"|struggling|trying|hard|reason)\W+(?:\w+\W+){0,3}?(?:stay|staying|keep\w*|be|being)"
        r"\W+alive\b",
        r"\b(?:life|living|my\W+life|existence|everything)\W+(?:is|feels|seems|'?s)\W+(?:\w+\W+)?"
        r"(?:pointless|meaningless|hopeless|not\W+worth\W+it)\b",
        r"\b(?:lost|losing|lose|no|have\W+no)\W+(?:\w+\W+)?(?:will|reason|desire|strength)\W+to\W+"
        r"(?:live|go\W+on|keep\W+going|keep\W+living)\b",
        r"\b(?:lost\W+all|no\W+more|have\W+no|got\W+no|there'?s\W+no|there\W+is\W+no)\W+hope\b(?!"
        r"\W+(?:for\W+(?:the|this|that|our|my\W+team)|of\W+(?:getting|finding|winning)|that)\b)",
        r"\b(?:think\w*|thought\w*|obsess\w*|fantasi[sz]\w*)\W+(?:\w+\W+){0,2}?(?:about|of|bout)"
        r"\W+(?:\w+\W+)?(?:dying|death|being\W+dead|my\W+(?:death|funeral)|end(?:ing|in)\W+(?:it"
        r"|things|everything|my\W+life)|not\W+being\W+(?:here|alive|around)|killing\W+myself"
        r"|suicide)\b",
        r"\b(?:want|wanna|wish|need)\w*\W+(?:\w+\W+){0,2}?(?:it|everything|this|things|the\W+pain"
        r"|my\W+life)\W+(?:all\W+)?to\W+(?:end|stop|be\W+over)\b(?!\W+(?:\w+ing|soon\W+so|so\W+i"
        r"\W+can)\b)",
        # intent and plans: "end it", "do it tonight", notes and goodbyes
        r"\bend(?:ing|in|ed|s)?\W+it\W+all?\b",
        r"\b(?:going\W+to|gonna|ready\W+to|wan(?:t\w*\W+to|na)|will|'?ll|decided\W+to|plan\w*\W+"
        r"(?:to|on)|th(?:ink\w*|ought)\W+(?:about|of|bout)|just)\W+(?:\w+\W+)?end(?:ing|in)?\W+"
        r"(?:it|things|everything)\b(?=\W*$|\W*[.!?,;:]|\W+(?:all|now|tonight|today|soon|for"
        r"\W+good|forever|and)\b)",
        r"\b(?:decided|going|gonna|plan\w*|want\w*|ready)\W+(?:to\W+)?end\W+(?:it|things"
        r"|everything)\W+(?:this\W+(?:weekend|week)|tomorrow|tonight|on\W+\w+day)\b",
        r"\b(?:going\W+to|gonna|gunna|will|'?ll|ready\W+to|decided\W+to|plan\w*\W+to|finally)\W+"
        r"(?:\w+\W+)?do(?:ing)?\W+it\W+(?:tonight|this\W+time|for\W+real)\b(?!\W+(?:after|before"
        r"|when|once|if|with|at\W+\d)\b)",
        r"\bknow\W+(?:exactly\W+)?(?:how|when|where)\W+(?:i'?d|i\W+would|i'?ll|i\W+will|i'?m"
        r"\W+going\W+to|im\W+going\W+to|i'?m\W+gonna|im\W+gonna)\W+do\W+it\b",
        r"\b(?:suicide|goodbye|good\W*bye|farewell)\W+(?:note|notes|letter|letters|message"
        r"|messages|video)\b|\b(?:this\W+is|these\W+are)\W+my\W+(?:last|final)\W+(?:message|text"
        r"|words)\b",
        r"\b(?:wrote|written|writing|left|leave|leaving)\W+(?:a|my)\W+(?:\w+\W+)?note\W+(?:for|to)"
        r"\W+(?:my\W+)?(?:family|kids|children|parents|husband|wife|partner|everyone)\b",
        r"\bgoodbye\W+(?:forever|cruel\W+world)\b|\bg(?:ive|iving|ave|iven)\W+away\W+(?:all\W+)?"
        r"(?:my|all\W+my)\W+(?:stuff|things|belongings|possessions|pets?)\b",
        r"\b(?:sorry|forgive\W+me)\W+(?:\w+\W+){0,2}?(?:everything|all)\W+(?:\w+\W+){0,2}?"
        r"(?:goodbye|bye|farewell)\b|\bthis\W+is\W+(?:my\W+)?goodbye\b",
        r"\b(?:won'?t|will\W+not|not\W+going\W+to|not\W+gonna)\W+be\W+(?:here|around|alive)\W+"
        r"(?:much\W+longer|for\W+long|any\W*more?|to\W+see)\b",
        r"\b(?:painless|quick|easy|easiest|quickest|best)\W+(?:\w+\W+)?(?:way|ways|method|methods)"
        r"\W+to\W+die\b",
        # reasons to live, my own funeral, "if I died", better off dead
        r"\bpoint\W+(?:of|in)\W+(?:living|life|being\W+alive|existing|going\W+on|staying\W+alive)"
        r"\b",
        r"\bwhy\W+(?:am\W+i|i'?m|im|do\W+i|should\W+i)\W+(?:\w+\W+)?(?:still\W+|even\W+)?(?:alive"
        r"|living|breathing|exist\w*|keep\W+living|bother\W+living)\b",
        r"\b(?:live|living)\W+or\W+(?:die|dying|dead)\b|\b(?:die|dying|dead)\W+or\W+(?:alive|live"
        r"|living)\b",
        r"\b(?:imagin\w*|plan\w*|think\w*|pictur\w*|dream\w*|visuali[sz]\w*)\W+(?:\w+\W+){0,2}?my"
        r"\W+(?:own\W+)?(?:funeral|death|grave)\b",
        r"\bif\W+i\W+(?:just\W+)?(?:died|was\W+dead|were\W+dead|killed\W+myself|never\W+existed"
        r"|wasn'?t\W+alive|wasn'?t\W+here\W+any\W*more?)\b",
        r"\b(?:want|wanna|wish|need)\W+(?:to\W+)?be\W+gone\b(?!\W+(?:by|before|from|for|in\W+\d)"
        r"\b)|\bwaiting\W+(?:to\W+die|for\W+(?:death|the\W+end|it\W+to\W+end))\b",
        r"\b(?:welcome|long\W+for|crave|craving|embrace|wish\W+for|pray\W+for)\w*\W+(?:\w+"
        r"\W+)?death\b|\bplan\w*\W+(?:my|an)\W+(?:exit|death|suicide|way\W+out)\b",
        r"\b(?:they'?d|they\W+would|everyone\W+would|everybody\W+would|family\W+would|kids\W+would"
        r"|world\W+would)\W+(?:\w+\W+)?be\W+(?:fine|okay|ok|better|happier)\W+without\W+me\b|"
        r"\bdeserves?\W+(?:\w+\W+)?better\W+than\W+me\b",
        r"\b(?:don'?t|do\W+not|can'?t|cannot)\W+see\W+(?:the|any)\W+point\W+(?:any\W*more?|in\W+"
        r"(?:anything|living|life|going\W+on)|of\W+(?:anything|living|life))\b",
        r"\b(?:better|happier|easier)\W+(?:off\W+)?dead\b|\bbetter\W+off\W+without\W+(?:\w+"
        r"\W+){1,4}?me\b",
        # violence at home: he / she / my partner hits, beats, chokes me
        r"\b(?:he|she|they)\W+(?:\w+\W+){0,3}?(?:hit|beat|punch|slap|chok|strangl|kick|smack|stab"
        r"|abus|assault|attack|burn|threaten)\w*\W+(?:\w+\W+)?(?:me|us)\b(?!\W+(?:at|to\W+(?:it"
        r"|the|a)|in\W+(?:chess|a\W+game)|out|off|into|like|with\W+(?:a|the)\W+(?:pillow|ball"
        r"|snowball))\b)",
        r"\b(?:he|she|they|husband|wife|partner|boy\w*|girl\w*|dad|father|mum|mom|mother|step\w+"
        r"|brother|son)\W+(?:\w+\W+){0,2}?hurt\w*\W+(?:me|us)\b(?!\W+(?:with\W+(?:her|his)\W+"
        r"(?:words|comments)|so\W+much|feelings|emotionally|when\W+(?:she|he)\W+(?:said|left|lied)"
        r"|by\W+(?:saying|leaving))\b)",
        r"\b(?:husband|wife|partner|b(?:f|oy\w*)|g(?:f|irl\w*)|ex|fiance\w*)\W+(?:\w+\W+){0,3}?"
        r"(?:hit|beat|punch|slap|chok|strangl|kick|smack|stab|abus|assault|attack|burn"
        r"|threaten)\w*\W+(?:\w+\W+)?(?:me|us)\b(?!\W+(?:at|to\W+it|in\W+chess|out|off|into|in\W+"
        r"(?:his|her)\W+sleep)\b)",
        r"\b(?:dad|father|m[ou]m|mother|step\w*|brother|uncle|son|parents)\W+(?:\w+\W+){0,3}?"
        r"(?:hit|beat|punch|slap|chok|strangl|kick|smack|stab|abus|assault|attack|burn"
        r"|threaten)\w*\W+(?:\w+\W+)?(?:me|us)\b(?!\W+(?:at|to\W+it|in\W+chess|out|off|into|in\W+"
        r"(?:his|her)\W+sleep|when\W+we\W+play)\b)",
        r"\b(?:hit|punch\w*|slap\w*|chok\w*|strangl\w*|beat)\w*\W+me\W+(?:again|hard|so\W+hard"
        r"|every\W+day|when\W+(?:he|she)\W+(?:\w+\W+)?(?:drunk|drinks|angry))\b",
        r"\b(?:chok|strangl|throttl)\w*\W+me\b(?!\W+up)|\bgrabb?\w*\W+me\W+by\W+(?:the|my)\W+"
        r"(?:throat|neck|hair)\b",
        r"\b(?:hands?|fingers|arm|belt|rope|cord)\W+(?:around|round|on|over)\W+my\W+(?:neck|throat"
        r"|mouth)\b",
        r"\b(?:rap(?:e|ed|es|ing)|molest\w*|sexually\W+assault\w*|abus(?:e|es|ed|ing))\W+me\b",
        r"\b(?:push\w*|shov\w*|threw|throw\w*|slamm?\w*)\W+me\W+(?:\w+\W+)?(?:down\W+the\W+stairs"
        r"|against\W+the\W+wall|into\W+the\W+wall|to\W+the\W+(?:floor|ground)|on\W+the\W+floor)\b",
        r"\b(?:he|she|husband|partner|boyfriend|girlfriend|dad|father|mum|mom|mother|stepdad"
        r"|stepfather|ex|they)\W+(?:\w+\W+){0,2}?(?:gets|get|got|is|was|becomes|became|'?s)\W+"
        r"(?:\w+\W+)?(?:violent|abusive|physical\W+with\W+me)\b",
        r"\b(?:i'?m|i\W+am|im|i\W+was|been)\W+(?:\w+\W+)?(?:abused|being\W+abused|a\W+(?:victim"
        r"|survivor)\W+of\W+(?:domestic\W+)?(?:violence|abuse))\b",
        # threats: threatened to kill me, said he'll kill me if I leave
        r"\bthreat\w*\W+(?:\w+\W+){0,2}?(?:to\W+)?(?:kill|hurt|stab|shoot|beat|harm|murder"
        r"|strangle|burn|hit)\w*\W+(?:\w+\W+)?(?:me|us|my\W+(?:kids|children|son|daughter|family))"
        r"\b",
        r"\bthreat\w*\W+(?:\w+\W+)?me\W+with\W+(?:a|his|her|the)\W+(?:knife|gun|weapon|bat|hammer)"
        r"\b",
        r"\b(?:said|says|told\W+me|swore|swears|screamed|yelled)\W+(?:that\W+)?(?:he|she|they)\W*"
        r"(?:'?ll|will|would|'?d|is\W+going\W+to|was\W+going\W+to|gonna)\W+(?:\w+\W+)?(?:kill|hurt"
        r"|murder|stab|shoot|strangle)\w*\W+me\b(?!\W+if\W+i\W+(?:\w+\W+)?(?:late|miss\w*"
        r"|forget\w*))",
        r"\bkill\W+me\W+if\W+i\W+(?:ever\W+)?(?:leave|left|tell|told|call|called|report\w*|go\W+to"
        r"\W+the\W+police|try\W+to\W+leave|talk\w*\W+to)\b",
        r"\b(?:he|she)\W*(?:'?s|is|will|'?ll)\W+(?:\w+\W+)?(?:going\W+to|gonna|gunna)?\W*(?:kill"
        r"|murder|hurt|beat)\W+me\b(?!\W+(?:when|if|for|lol|haha|lmao|because)\b)",
        r"\bif\W+i\W+(?:ever\W+)?(?:leave|left|tell|told|call|report|go\W+to\W+the\W+police|try"
        r"\W+to\W+leave|talk\W+to)\b\W+(?:\w+\W+){0,4}?(?:he|she|they)\W*(?:'?ll|will|would|'?d"
        r"|'?s\W+going\W+to)\W+(?:\w+\W+){0,3}?(?:kill|hurt|murder|beat)\w*",
        r"\buse\W+(?:it|the\W+(?:gun|knife))\W+on\W+(?:me|us)\b|\b(?:gun|knife|weapon)\W+(?:\w+"
        r"\W+){0,4}?(?:to|at|on|against)\W+(?:me|my\W+(?:head|throat|neck))\b",
        r"\b(?:knife|blade|gun|pistol)\W+(?:\w+\W+){0,2}?(?:to|against|at)\W+my\W+(?:throat|neck"
        r"|head|chest)\b|\b(?:pushed|shoved|threw|kicked)\W+me\W+down\W+(?:the\W+)?stairs\b",
        r"\b(?:i'?m|im|i\W+am)\W+(?:\w+\W+)?(?:on\W+the\W+(?:roof|ledge|bridge|edge)|at\W+the\W+"
        r"(?:edge|bridge|tracks))\W+(?:now|right\W+now)\b",
        r"\b(?:got|get|gets|getting|was|been|being)\W+(?:\w+\W+)?(?:beat(?:en)?\W+up|hit|punched"
        r"|slapped|choked|strangled|kicked|attacked|abused|assaulted|raped|threatened)\W+(?:\w+"
        r"\W+)?by\W+(?:my\W+)?(?:husband|wife|partner|boy\w*|girl\w*|ex|dad|father|mum|mom|mother"
        r"|step\w+|brother|parents|him|her)\b",
        r"\b(?:he|she|they)\W+(?:\w+\W+)?(?:slamm?\w*|bang\w*|smash\w*|hit\w*|push\w*|threw"
        r"|shov\w*)\W+(?:my\W+head|me)\W+(?:into|against|on)\W+(?:the\W+)?(?:wall|floor|door|table"
        r"|counter|window|ground)\b",
        # afraid at home, of a partner or parent
        r"\b(?:scared|afraid|terrified|frightened|fear\w*|dread\w*)\W+(?:\w+\W+){0,2}?(?:to\W+go"
        r"|of\W+going|going|to\W+return|of\W+returning|returning|to\W+get|to\W+be|of\W+being)\W+"
        r"(?:back\W+)?(?:home|to\W+(?:my|our|the)\W+(?:house|flat|apartment|place))\b",
        r"\b(?:not|n'?t|never|no\W+longer)\W+(?:\w+\W+)?safe\W+(?:at|in)\W+(?:my\W+|our\W+|the"
        r"\W+)?(?:own\W+)?(?:home|house|flat|apartment|place)\b|\bunsafe\W+(?:at|in)\W+(?:my\W+"
        r"|our\W+)?(?:home|house|flat)\b",
        r"\b(?:scared|afraid|terrified|frightened)\W+(?:\w+\W+)?of\W+(?:him|her)(?=\W*$|\W*[.!?,;]"
        r"|\W+(?:and|because|so|now|when)\b)",
        r"\b(?:scared|afraid|terrified|frightened)\W+(?:\w+\W+)?of\W+my\W+(?:husband|hubby|wife"
        r"|partner|boy\w*|girl\w*|bf|gf|ex|fiance\w*|dad|father|step\w+|mum|mom|mother|brother"
        r"|uncle|parents)\b(?!\W*'?s\b|\W+(?:reaction|finding|leaving|being|getting|seeing|knowing"
        r"|dying)\b)",
        r"\b(?:scared|afraid|terrified|frightened|worried)\W+(?:\w+\W+){0,2}?(?:he|she|they)\W*"
        r"(?:'?ll|will|would|'?d|is\W+going\W+to|'?s\W+going\W+to|might|may|could|is\W+gonna"
        r"|gonna)\W+(?:\w+\W+){0,3}?(?:hurt|kill|hit|beat|attack|strangle|choke|murder|stab"
        r"|shoot)\w*\W+(?:\w+\W+)?(?:me|us)\b",
    ),
    "es": (
        # suicidio, suicidarme, me quiero suicidar (y faltas: suisidio, sucidarme)
        r"\bsu+i*[cs]+i*d(?:io|ios|a|as|ar|arme|arse|andome|ado|ada|o|e)\b",
        # matarme, me voy a matar, me quiero matar, me quiero quitar la vida
        r"\bme\W+(?:(?:voy|vy|vo|quiero|kiero|qiero|kero|queria|quisiera|tengo|ganas|gustaria"
        r"|pienso|puedo|deberia|podria|a|de|en|ya|una|vez|hoy|esta|noche|por|fin|mejor)"
        r"\W+){1,4}mat(?:ar|are|aria)\b",
        r"\b(?:quiero|kiero|qiero|kero|quisiera|queria|voy\W+a|vo\W+a|en|de|para|deberia|podria"
        r"|intente|intento|planeo|decidi|necesito|puedo|debo|como|mejor)\W+(?:\w+\W+)?matarme\b",
        r"\bme\W+mato\b(?=\W*$|\W*[.!?,;]|\W+(?:ya|hoy|esta\W+noche|manana|de\W+una\W+vez|y\W+ya"
        r"|xd|jaja|lol)\b)",
        # intención + acto: "intenté ahorcarme", "decidí quitarme la vida"
        r"\b(?:quiero|kiero|quisiera|voy\W+a|pienso\W+en|pensando\W+en|planeo|decidi|intente|trate"
        r"\W+de|ganas\W+de|a\W+punto\W+de)\W+(?:(?!no\W)\w+\W+){0,2}?(?:ahorcarme|colgarme"
        r"|envenenarme|tirarme|lanzarme|cortarme\W+las\W+venas|pegarme\W+un\W+tiro|suicidarme"
        r"|matarme|morirme)\b",
        r"\b(?:quiero|kiero|quisiera|voy\W+a|pienso\W+en|pensando\W+en|planeo|decidi|intente|trate"
        r"\W+de|ganas\W+de|a\W+punto\W+de)\W+(?:(?!no\W)\w+\W+){0,2}?(?:quitarme\W+la\W+vida"
        r"|acabar\W+con\W+mi\W+vida|tomarme\W+(?:una\W+)?sobredosis|dejar\W+de\W+vivir)\b",
        r"\b(?:me\W+(?:\w+\W+){0,2}?quit\w*|quitarme)\W+la\W+vida\b|\bquit(?:arme|ar|o|e)\W+(?:de"
        r"\W+en|del)\W+medio\b",
        # querer morir, estar muerto
        r"\b(?:quiero|kiero|qiero|kero|quisiera|queria|deseo|prefiero|preferiria|necesito|ganas"
        r"\W+de|me\W+gustaria|mejor)\W+(?:(?:ya|solo|simplemente|de\W+verdad)\W+)?(?:morir(?:me)?"
        r"|estar\W+muert[oa])\b(?!\W+de\W+(?:la\W+)?(?:risa|ganas|hambre|sed|calor|frio|sueno"
        r"|verguenza|aburrimiento|amor)\b)",
        r"\b(?:quiero|kiero|qiero|kero|quisiera|queria|deseo|prefiero|necesito|ganas\W+de|me"
        r"\W+gustaria)\W+(?:(?:ya|solo|simplemente)\W+)?(?:dejar\W+de\W+(?:existir|vivir)|no"
        r"\W+existir|no\W+despertar(?:me)?|dormir(?:me)?\W+para\W+siempre|irme\W+de\W+este"
        r"\W+mundo)\b",
        r"\bojala\W+(?:\w+\W+){0,2}?(?:me\W+muera|me\W+muriera|estuviera\W+muert[oa]|no"
        r"\W+despert\w*|no\W+hubiera\W+nacido|no\W+existiera|desapareciera|no\W+amanecer\w*)\b",
        r"\b(?:quiero|kiero|quisiera|ojala|necesito)\W+(?:\w+\W+)?que\W+(?:todo|esto|mi\W+vida|el"
        r"\W+dolor)\W+(?:\w+\W+)?(?:termine|acabe|se\W+acabe|se\W+termine|pare)\b",
        r"\bojala\W+(?:\w+\W+){0,2}?(?:me\W+atropell\w*|me\W+pille\W+un\W+(?:coche|carro|tren"
        r"|camion)|me\W+de\W+un\W+infarto)\b",
        r"\b(?:mejor|prefiero|preferiria|quisiera|quiero|ojala|seria\W+mejor)\W+(?:\w+\W+)?"
        r"(?:estar\W+muert[oa]|estuviera\W+muert[oa])\b",
        r"\bdesaparec\w*\W+(?:\w+\W+){0,3}?(?:para\W+siempre|del\W+mundo|de\W+este\W+mundo|de\W+la"
        r"\W+faz)\b",
        r"\bdormir(?:me)?\W+(?:\w+\W+)?(?:y\W+no\W+despertar\w*|para\W+siempre)\b|\bno\W+despertar"
        r"(?:me)?\W+(?:nunca|mas|jamas)\b",
        r"\b(?:pienso|pensando|pense|penso|pensar|piensa)\W+(?:\w+\W+){0,3}?en\W+(?:morir(?:me)?"
        r"|matarme|suicidarme|quitarme\W+la\W+vida|no\W+despertar|acabar\W+con\W+todo|tirarme"
        r"|ahorcarme)\b",
        r"\b(?:sueno|sonando|sonar|fantaseo|fantaseando)\W+con\W+(?:morir(?:me)?|la\W+muerte"
        r"|matarme|suicidarme|no\W+despertar|desaparecer)\b",
        r"\bmejor\W+(?:me\W+muero|me\W+mato|me\W+muera|morirme|muert[oa])\b|\b(?:para|pa)\W+que\W+"
        r"(?:sigo\W+(?:viviendo|aqui|existiendo)|seguir\W+viviendo|vivir|existir)\b",
        # razones para vivir, mi funeral, vivir o morir
        r"\b(?:cansad[oa]|hart[oa]|luchar|lucho|razon\w*|motivo\w*|para\W+que|por\W+que|pa\W+que)"
        r"\W+(?:\w+\W+){0,3}?(?:seguir|sigo|mantenerme|estar|estoy)\W+viv[oa]\b",
        r"\b(?:vivir|vivo)\W+o\W+(?:morir|muero)\b|\b(?:morir|muero)\W+o\W+(?:vivir|vivo)\b",
        r"\bmi\W+(?:propio\W+)?(?:funeral|entierro|velorio)\b",
        r"\b(?:pienso|pensando|pensar|pense|pensamientos)\W+(?:\w+\W+){0,3}?(?:en|sobre)\W+(?:la"
        r"\W+muerte|morir\w*|el\W+suicidio)\b(?!\W+de\W+(?:mi|su|la|el|los)\b)",
        r"\bpara\W+(?:morir(?:me)?|suicidarme|quitarme\W+la\W+vida|no\W+despertar)\b|\bdespedirme"
        r"\W+de\W+(?:todos|mis\W+hijos|mi\W+familia|ustedes|la\W+vida)\b",
        r"\b(?:estarian|estaria|vivirian|serian)\W+mejor\W+(?:sin\W+mi|con\W+otr[oa])\b|\bsi\W+"
        r"(?:yo\W+)?(?:me\W+muriera|me\W+muero|estuviera\W+muert[oa]|no\W+existiera)\b",
        r"\bojala\W+no\W+(?:me\W+)?(?:hubiera|hubiese)\W+(?:despertado|nacido|levantado)\b|"
        r"\bhacerme\W+algo\b",
        r"\bojala\W+(?:\w+\W+){0,2}?no\W+(?:amanezca|despierte|me\W+despierte|vea\W+otro\W+dia)\b|"
        r"\b(?:pido|le\W+pido|rezo|ruego)\W+(?:\w+\W+){0,3}?(?:que\W+me\W+(?:lleve|recoja)"
        r"|morir\w*|no\W+despertar)\b",
        r"\b(?:aliviad[oa]s?|content[oa]s?|felices|tranquil[oa]s?)\W+(?:\w+\W+){0,2}?si\W+(?:yo"
        r"\W+)?(?:me\W+fuera|me\W+muriera|no\W+estuviera|desapareciera|no\W+existiera|me\W+muero)"
        r"\b|\b(?:irme|ir)\W+de\W+este\W+mundo\b",
        # no querer vivir, seguir, despertar
        r"\bno\W+(?:\w+\W+)?(?:quiero|kiero|qiero|kero|tengo\W+ganas\W+de|deseo|quisiera|puedo)\W+"
        r"(?:\w+\W+)?(?:seguir\W+)?(?:vivir|viviendo|existir|estar\W+viv[oa]|seguir\W+con\W+vida)"
        r"\b(?!\W+(?:con|en|ahi|alli|aqui|cerca|lejos|junto|de\W+alquiler|sola?\W+en)\b)",
        r"\bno\W+(?:\w+\W+)?(?:quiero|kiero|qiero|kero|quisiera)\W+(?:\w+\W+)?despertar(?:me)?\b"
        r"(?!\W+(?:temprano|tarde|a\W+las|pronto)\b)",
        r"\bno\W+(?:\w+\W+)?(?:quiero|kiero|qiero|kero|puedo)\W+seguir\b(?=\W*$|\W*[.!?,;]|\W+"
        r"(?:mas|asi|aqui|con\W+(?:esto|la\W+vida|vida))\b)",
        r"\bno\W+(?:\w+\W+)?aguanto\W+(?:mas\W+)?(?:esta\W+vida|vivir|la\W+vida|seguir\W+viv\w*)\b"
        r"|\bya\W+no\W+(?:tengo\W+)?ganas\W+de\W+vivir\b",
        r"\b(?:no|ni|sin|dudo)\W+(?:\w+\W+){0,4}?seguir\W+(?:viviendo|con\W+vida|existiendo)\b(?!"
        r"\W+(?:en|con|aqui|alli|cerca|junto)\b)",
        r"\bno\W+(?:\w+\W+)?(?:veo|tengo|hay)\W+(?:ningun\W+)?futuro\b(?!\W+(?:en|con|para\W+"
        r"(?:esta|este|la|el))\b)|\birme\W+para\W+siempre\b(?!\W+(?:de|a|al)\b)",
        r"\bno\W+(?:voy\W+a\W+|vaya\W+a\W+)?estar\W+(?:aqui\W+|por\W+aqui\W+)?(?:mucho\W+(?:tiempo"
        r"\W+)?mas|por\W+mucho\W+tiempo)\b(?!\W+(?:en|con)\b)",
        r"\bperdon\w*\W+(?:\w+\W+)?(?:por\W+)?todo\W+(?:\w+\W+){0,2}?(?:adios|chao|hasta"
        r"\W+siempre)\b",
        r"\birme\W*,?\W*(?:pero\W+)?para\W+siempre\b|\b(?:espero|esperando|deseo|anhelo|pido)\W+"
        r"(?:\w+\W+)?(?:la\W+muerte|morir\w*)\b",
        r"\b(?:planeando|planeo|pensando|busc\w*|investig\w*)\W+(?:\w+\W+)?(?:como|la\W+forma\W+de"
        r"|la\W+manera\W+de)\W+(?:morir\w*|matarme|suicidarme|quitarme\W+la\W+vida|acabar\W+con"
        r"\W+todo)\b",
        r"\bno\W+le\W+veo\W+(?:el\W+|ningun\W+)?sentido\b(?=\W*$|\W*[.!?,;]|\W+a\W+(?:nada|vivir"
        r"|la\W+vida|seguir)\b)",
        r"\bya\W+no\W+(?:quiero|kiero|deseo|puedo)\W+(?:seguir\W+)?(?:estar\W+aqui|existir|estar"
        r"\W+viv[oa]|seguir)\b(?!\W+(?:con|en|ahi|trabajando|estudiando|esperando)\b)",
        # ser una carga, mejor sin mí
        r"\b(?:soy|siento\W+que\W+soy|me\W+siento|ser)\W+(?:\w+\W+){0,4}?(?:carga|estorbo"
        r"|molestia)\b(?!\W+(?:de\W+(?:trabajo|la|los|las)|del|laboral|electrica|viral)\b)",
        r"\b(?:mejor|mas\W+felices|mas\W+tranquil[oa]s)\W+(?:\w+\W+){0,2}?sin\W+mi\b|\bsin\W+mi\W+"
        r"(?:\w+\W+){0,2}?(?:mejor|mas\W+felices)\b",
        r"\b(?:mejor|mas\W+facil|mas\W+felices)\W+(?:\w+\W+){0,3}?si\W+(?:yo\W+)?(?:no\W+estuviera"
        r"|no\W+existiera|me\W+muero|me\W+muriera|desapareciera|no\W+hubiera\W+nacido|ya\W+no"
        r"\W+estuviera|estuviera\W+muert[oa])\b",
        r"\bnadie\W+(?:\w+\W+){0,3}?(?:extran\w*|echaria\W+de\W+menos|notaria|daria\W+cuenta"
        r"|importaria|lloraria|importaria|importa)\W+(?:\w+\W+){0,3}?si\W+(?:yo\W+)?(?:me\W+muero"
        r"|muero|me\W+muriera|desaparezco|desapareciera|no\W+estuviera|me\W+mato|salto|me\W+tiro)"
        r"\b",
        r"\bnadie\W+me\W+(?:\w+\W+){0,2}?(?:extranar\w*|extranaria|echar\w*\W+de\W+menos"
        r"|llorar\w*)\b",
        # autolesiones: me corto, me he vuelto a cortar, cortarme las venas, me quemo
        r"\bme\W+(?:(?:he|has|volvi|vuelto|a|estoy|sigo|otra|vez|voy|quiero|kiero|tengo|ganas|de"
        r"|suelo)\W+){0,3}[ck]ort(?:o|e|ado|ando|ar|aba)\b(?!\W+(?:el\W+(?:pelo|dedo|flequillo)|la"
        r"\W+(?:barba|mano)|las\W+unas|un\W+(?:trozo|poco)|cocinando|afeitando|sin\W+querer"
        r"|haciendo|pelando)\b)",
        r"\bcort(?:arme|andome)\b(?!\W+(?:el\W+pelo|las\W+unas|la\W+barba|el\W+flequillo)\b)",
        r"\bcort\w*\W+(?:\w+\W+){0,2}?(?:venas|munecas|brazos|muslos|piernas)\b|\bcortes\W+(?:\w+"
        r"\W+){0,2}?(?:brazos|piernas|munecas|muslos)\b",
        r"\bauto\W?lesi\w*|\bautoagre\w*|\bautolastim\w*",
        r"\bme\W+(?:\w+\W+){0,2}?(?:hago|hice|hacer|hacia|haciendo)\W+dano\b(?!\W+(?:al|en\W+(?:el"
        r"|la)|jugando|entrenando|sin\W+querer)\b)",
        r"\b(?:me\W+(?:\w+\W+){0,2}?lastim(?:o|e|ando)|lastimarme)\b(?!\W+(?:(?:el|la|los|las)\W+"
        r"(?:tobillo|rodilla|espalda|hombro|pies?|dedo|cuello|mano|codo|cadera)|en|jugando"
        r"|entrenando|sin\W+querer)\b)",
        r"\bme\W+(?:\w+\W+)?quem(?:o|e|ando|aba)\W+(?:\w+\W+){0,2}?(?:con\W+(?:\w+\W+)?"
        r"(?:cigarros?|cigarrillos?|mechero|encendedor|cerillos?)|a\W+proposito)\b",
        r"\bme\W+(?:\w+\W+){0,2}?(?:golpeo|golpee|pego|pegue|doy)\W+(?:\w+\W+){0,2}?(?:la\W+cabeza"
        r"\W+contra|contra\W+la\W+pared|punetazos|a\W+proposito)\b",
        r"\b(?:cort|quem|golpe|lastim)\w*\W+(?:\w+\W+){0,3}?(?:a\W+proposito|adrede|aposta)\b",
        r"\b(?:perdi|perdido|no\W+(?:\w+\W+)?tengo|sin|ya\W+no\W+hay|no\W+hay)\W+(?:ninguna\W+|la"
        r"\W+|mas\W+)?esperanzas?\b(?!\W+(?:de\W+(?:que|ganar|encontrar|aprobar)|en\W+(?:el|la|los"
        r"|las)|para\W+(?:el|la))\b)",
        # pastillas, sobredosis
        r"\b(?:junt|guard|acumul|ahorr|colecc|almacen|escond)\w*\W+(?:\w+\W+){0,3}?(?:pastillas"
        r"|pildoras|medicamentos|medicinas|somniferos|tranquilizantes|calmantes|paracetamol)\b",
        r"\b(?:tom|trag|beb|meter)\w*\W+(?:\w+\W+){0,2}?(?:todas|(?:un|el)\W+(?:bote|frasco|monton"
        r"|punado)|(?:una|la)\W+caja|muchas|demasiadas)\W+(?:\w+\W+){0,2}?(?:pastillas|pildoras"
        r"|medicamentos|medicinas|somniferos|paracetamol|calmantes)\b(?!\W+(?:de\W+hoy|del\W+dia"
        r"|como\W+siempre)\b)",
        r"\b(?:tom|trag)\w*\W+(?:\w+\W+){0,3}?(?:pastillas|pildoras|medicamentos|medicinas"
        r"|somniferos|tranquilizantes|calmantes|antidepresivos|ansioliticos|paracetamol|clonazepam"
        r"|rivotril)\W+(?:\w+\W+){0,2}?(?:a\W+proposito|adrede|para\W+(?:morir\w*|matarme|no"
        r"\W+despertar))\b",
        r"\b(?:un\W+monton|un\W+punado|muchas|muchos|demasiad[oa]s|una\W+caja|un\W+bote)\W+de\W+"
        r"(?:antidepresivos|ansioliticos|tranquilizantes|calmantes|somniferos|clonazepam|rivotril"
        r"|medicamentos)\b",
        r"\b(?:alcohol|vodka|vino|whisky|ron|tequila|cerveza|botella)\W+(?:\w+\W+){0,3}?(?:con|y)"
        r"\W+(?:\w+\W+)?(?:pastillas|pildoras|somniferos|calmantes|medicamentos)\b",
        # tirarse de un puente, a las vías, por la ventana
        r"\b(?:tirar|lanzar|arrojar|aventar|botar)me\W+(?:\w+\W+){0,2}?(?:de|del|desde|por|al|a"
        r"|bajo|delante|debajo|frente|en)\W+(?:\w+\W+){0,2}?(?:puente|edificio|balcon|ventana"
        r"|azotea|techo|tejado|terraza|acantilado|vias|tren|metro|autobus|camion|coche|carro"
        r"|trafico|barranco)\b",
        r"\bme\W+(?:(?:voy|quiero|kiero|pienso|quisiera|puedo)\W+(?:a\W+)?)?(?:tir|lanz|arroj"
        r"|avent)\w*\W+(?:\w+\W+){0,2}?(?:de|del|desde|por|al|a|bajo|delante|debajo)\W+(?:\w+"
        r"\W+){0,2}?(?:puente|edificio|balcon|ventana|azotea|techo|terraza|acantilado|vias|tren"
        r"|metro|autobus|camion|coche|carro|trafico)\b",
        # ahorcarse, cuerda, pistola
        r"\b(?:ahorc|colg)(?:arme|andome)\b(?!\W+(?:la|el|los|las|del\W+(?:telefono|movil))\b)|"
        r"\bme\W+(?:\w+\W+){0,2}?ahorco\b(?!\W+de\W+(?:calor|risa)\b)",
        r"\b(?:compr|consegu|ten|guard|escond)\w*\W+(?:\w+\W+)?(?:una|la)\W+(?:\w+\W+)?(?:cuerda"
        r"|soga)\b(?!\W+(?:para\W+(?:tender|la\W+ropa|saltar|escalar|el\W+perro)|de\W+(?:saltar"
        r"|tender|escalada))\b)",
        r"\b(?:cuerda|soga)\b(?!\W+(?:para|de)\W)\W+(?:\w+\W+){0,3}?(?:lista|listo|preparada|atada"
        r"|colgada|esperando)\b(?!(?:\W+\w+){0,3}?\W+(?:tender|ropa|saltar|escalar|escalada|perro"
        r"|excursion|barco|tienda|columpio)\b)",
        r"\b(?:saltar|brincar|salto|brinco)\W+(?:\w+\W+)?(?:de|del|desde|por)\W+(?:\w+\W+){0,2}?"
        r"(?:puente|edificio|balcon|ventana|azotea|techo|terraza|acantilado|tejado|piso\W+\d+)\b",
        r"\b(?:quiero|kiero|ganas\W+de|pienso\W+en|voy\W+a)\W+(?:saltar|tirarme|lanzarme|aventarme"
        r"|brincar)\b(?=\W*$|\W*[.!?,;]|\W+(?:ya|ahora|hoy|esta\W+noche|de\W+una\W+vez)\b)",
        r"\bestoy\W+(?:\w+\W+)?en\W+(?:el|la|lo\W+alto\W+de\W+(?:el|la))\W+(?:puente|azotea|techo"
        r"|cornisa|borde|vias|balcon)\b",
        r"\bestrell(?:ar|arme|o|e)\W+(?:\w+\W+){0,2}?(?:coche|carro|auto|moto|contra)\b|\b"
        r"(?:meterme|entrar|caminar|nadar|irme)\W+(?:\w+\W+)?(?:al|en\W+el)\W+(?:mar|rio|lago"
        r"|agua)\W+(?:\w+\W+)?y\W+no\W+(?:volver|salir|regresar)\b",
        r"\b(?:frasco|bote|caja|blister|punado)\W+de\W+(?:\w+\W+)?(?:pastillas|pildoras|somniferos"
        r"|medicamentos)\W+(?:\w+\W+)?(?:al\W+lado|a\W+mi\W+lado|en\W+la\W+mano|delante"
        r"|preparad[oa]s?|listo)\b",
        r"\b(?:me\W+hice|me\W+hago|hacerme|me\W+he\W+hecho)\W+(?:unos\W+|varios\W+|muchos\W+|mas"
        r"\W+)?cortes\b",
        r"\bme\W+(?:\w+\W+){0,2}?(?:hago|hice|hecho|haciendo|hacia)\W+(?:\w+\W+)?(?:cortes|heridas"
        r"|quemaduras)\b|\b(?:brazos|piernas|munecas|muslos|piel)\W+(?:\w+\W+){0,2}?(?:llen[oa]s"
        r"\W+de|con)\W+(?:\w+\W+)?(?:cortes|cicatrices|heridas|quemaduras)\b",
        r"\benvenenar(?:me|nos)\b|\b(?:hasta|para)\W+(?:sangrar|hacerme\W+sangre|que\W+sangr\w*)\b",
        r"\b(?:pegarme|darme|meterme|pego|doy|meto)\W+(?:\w+\W+)?(?:un\W+)?(?:tiro|balazo|disparo)"
        r"\b|\bdispar(?:arme|andome)\b",
        r"\b(?:pistola|arma|escopeta|revolver)\W+(?:\w+\W+){0,5}?(?:en\W+(?:la|mi)\W+(?:cabeza"
        r"|sien|boca)|contra\W+mi|conmigo|para\W+matarme)\b",
        # desesperanza: no tiene sentido vivir, no veo salida, cansada de vivir
        r"\b(?:no\W+(?:\w+\W+){0,2}?sentido|sin\W+sentido)\W+(?:\w+\W+){0,2}?(?:vivir|vida|seguir"
        r"\W+viv\w*|existir|seguir(?=\W*$|\W*[.!?,;]|\W+(?:asi|aqui|adelante|viv\w*)\b)|nada)\b(?!"
        r"\W+(?:de\W+lo|que\W+dice)\b)",
        r"\b(?:la\W+vida|mi\W+vida|vivir)\W+(?:\w+\W+)?(?:no\W+tiene\W+(?:ningun\W+)?sentido|no"
        r"\W+vale\W+la\W+pena|ya\W+no\W+tiene\W+sentido|sin\W+sentido)\b",
        r"\bno\W+(?:\w+\W+)?(?:tengo|hay|encuentro|veo)\W+(?:\w+\W+)?(?:razon|razones|motivo"
        r"|motivos|nada|por\W+que|porque|para\W+que)\W+(?:\w+\W+)?(?:para\W+)?(?:vivir|seguir"
        r"\W+viv\w*)\b",
        r"\bno\W+(?:\w+\W+)?(?:veo|encuentro|hay|tengo|existe)\W+(?:\w+\W+)?(?:ninguna\W+|otra"
        r"\W+)?salida\b(?!\W+(?:de\W+(?:emergencia|incendios)|al\W+(?:patio|jardin)|para\W+(?:el"
        r"|la))\b)",
        r"\b(?:la|mi)\W+unica\W+salida\b(?!\W+(?:es\W+por|esta|de\W+emergencia)\b)",
        r"\bme\W+(?:\w+\W+)?(?:rindo|rendi)\W+(?:con\W+(?:la\W+vida|todo)|de\W+vivir)\b|\bme"
        r"\W+rindo\b(?=\W*[,.]?\W*ya\W+no\W+quiero)",
        r"\b(?:cansad[oa]|hart[oa]|agotad[oa]|podrid[oa])\W+(?:\w+\W+)?de\W+(?:vivir|la\W+vida"
        r"|estar\W+viv[oa]|existir|mi\W+vida)\b(?!\W+(?:en|con|aqui|de\W+(?:alquiler|ciudad|pueblo"
        r"|oficina|estudiante))\b)",
        r"\bme\W+(?:\w+\W+)?(?:canse|harte|agote)\W+de\W+(?:vivir|la\W+vida|existir|estar"
        r"\W+viv[oa])\b",
        # intención y planes: acabar con todo, esta noche lo hago, carta de despedida
        r"\b(?:quiero|kiero|voy\W+a|vo\W+a|pienso|pensando\W+en|pense\W+en|ganas\W+de|decidi|plan"
        r"\W+para|manera\W+de|forma\W+de|mejor|necesito|quisiera)\W+(?:\w+\W+)?(?:acabar|terminar"
        r"|poner\W+fin)\W+(?:con\W+|a\W+)?(?:todo|mi\W+vida)\b(?!\W+(?:el|la|los|las|lo\W+que"
        r"|antes|para|de\W+)\b)",
        r"\besta\W+noche\W+(?:\w+\W+)?lo\W+(?:hago|hare|voy\W+a\W+hacer)\b(?!\W+(?:despues|antes"
        r"|cuando|con|en)\b)|\blo\W+(?:voy\W+a\W+hacer|hare|hago)\W+(?:esta\W+noche|de\W+verdad)\b"
        r"|\bya\W+lo\W+decidi\b",
        r"\bcartas?\W+de\W+despedida\b|\bnota\W+(?:de\W+)?suicida\b|\badios\W+(?:a\W+todos"
        r"\W+)?para\W+siempre\b|\beste\W+es\W+mi\W+ultimo\W+mensaje\b",
        r"\bcarta\W+(?:\w+\W+){0,5}?(?:para\W+)?despedirme\b",
        r"\bme\W+(?:quiero|kiero|voy\W+a)\W+petar\b|\bpetarme\b",
        # violencia en casa: me pega, me golpea, me maltrata, me ahorcó
        r"\b(?:me|nos)\W+(?:pega|pego|pegan|pegaba|pegaron)\b(?!\W+(?:un\W+(?:susto|rollo|balonazo"
        r"|virus|resfriado)|la\W+(?:gripe|bronca)|el\W+(?:resfriado|sol|virus)|una\W+paliza\W+"
        r"(?:al|en|jugando)|unos?\W+gritos?|al\W+|en\W+el\W+|jugando|cuando\W+(?:jug|jueg)\w*|sin"
        r"\W+querer)\b)",
        r"\b(?:me|nos)\W+(?:golpea|golpeo|golpean|golpeaba|golpearon|maltrata|maltrato|maltrataba"
        r"|patea|pateo|pateaba)\b(?!\W+(?:jugando|sin\W+querer|el\W+sol)\b)",
        r"\bme\W+(?:estrangul\w*|ahorc(?:a|o|aba)|abofete\w*|viol(?:a|o|aba|aron)|abus(?:a|o|aba"
        r"|aron)|empuj(?:a|o|aba)|arrastr(?:a|o|aba)|apunal\w*|agred\w*|ataca|ataco)\b(?!\W+(?:de"
        r"\W+(?:calor|risa)|la\W+(?:privacidad|intimidad)|sin\W+querer)\b)",
        r"\bme\W+(?:ha|han|has|estan?|sigue|siguen|volvio\W+a|vuelve\W+a)\W+(?:\w+\W+)?(?:peg"
        r"|golpe|pate|maltrat|estrangul|ahorc)\w*\b(?!\W+(?:un\W+susto|la\W+gripe|al\W+|jugando)"
        r"\b)",
        r"\bme\W+(?:da|dio|daba|dan|dieron)\W+(?:\w+\W+)?(?:palizas?|golpes|punetazos|patadas"
        r"|bofetadas|cachetadas|golpizas?)\b(?!\W+(?:al|en\W+el|jugando|a\W+la\W+(?:play|consola))"
        r"\b)",
        # amenazas: me amenazó con matarme, me va a matar si lo dejo
        r"\bamenaz\w*\W+(?:\w+\W+){0,2}?(?:con\W+)?(?:matar(?:me|nos)?|mat\w*|pegar(?:me|nos)"
        r"|hacer(?:me|nos)\W+dano|quitarme\W+a|un\W+cuchillo|una\W+pistola|un\W+arma)\b",
        r"\bamenaz\w*\W+(?:\w+\W+)?de\W+muerte\b|\bme\W+(?:(?:voy|quiero|kiero|pienso)\W+(?:a"
        r"\W+)?)?ahorcar\b",
        r"\b(?:tome|tomado|trague|tragado|me\W+tome|me\W+trague)\W+(?:\w+\W+)?(?:como\W+|unas\W+"
        r"|mas\W+de\W+)?(?:[2-9]\d|\d{3,}|veinte|treinta|cuarenta|cincuenta)\W+(?:\w+\W+)?"
        r"(?:pastillas|pildoras|somniferos|paracetamol)\b",
        r"\b(?:dijo|dice|jura|juro|grita|grito)\W+que\W+me\W+(?:va|iba)\W+a\W+(?:matar|pegar|hacer"
        r"\W+dano)\b|\bme\W+(?:va|iba|vas)\W+a\W+matar\W+si\W+(?:lo\W+|la\W+)?(?:dejo|denuncio"
        r"|cuento|llamo\W+a\W+la\W+policia|me\W+voy|me\W+separo)\b",
        r"\bmiedo\W+(?:de\W+)?(?:que\W+)?(?:\w+\W+)?me\W+(?:mate|pegue|golpee|haga\W+dano|lastime"
        r"|hiera)\b",
        r"\b(?:miedo|terror|panico|temo|asusta)\W+(?:\w+\W+){0,5}?me\W+(?:mate|pegue|golpee|haga"
        r"\W+dano|lastime|hiera|ahorque)\b",
        r"\bme\W+(?:agarr|cog|apret|tom|estrangul)\w*\W+(?:\w+\W+)?(?:del|el|por\W+el)\W+cuello\b",
        r"\bme\W+(?:voy\W+a\W+|quiero\W+)?colgar\W+(?:en|de)\W+(?:el|la|un|una)\W+(?:garaje|arbol"
        r"|viga|techo|armario|puerta|bano|ducha|trastero)\b",
        r"\bsi\W+(?:lo\W+|la\W+)?(?:dejo|denuncio|cuento|llamo\W+a\W+la\W+policia|me\W+voy|me"
        r"\W+separo|abandono)\W+(?:\w+\W+){0,6}?me\W+(?:mata|matara|va\W+a\W+matar|pega|golpea)\b",
        r"\b(?:usar\w*|usarla|usarlo)\W+(?:\w+\W+)?(?:conmigo|contra\W+mi|en\W+mi\W+contra)\b",
        r"\b(?:cuchillo|navaja|pistola|arma)\W+(?:\w+\W+){0,2}?(?:en|contra|a)\W+(?:el|mi)\W+"
        r"(?:cuello|garganta|cabeza|pecho)\b|\bme\W+(?:empujo|empuja|tiro|tira|arrojo)\W+(?:por"
        r"|de)\W+(?:las|la)\W+escaleras?\b",
        r"\b(?:el|ella|mi\W+(?:pareja|novio|novia|marido|esposo|esposa|padre|papa|madre|mama"
        r"|padrastro|ex|hermano))\W+(?:\w+\W+){0,2}?me\W+(?:hace|hacia|hizo)\W+dano\b",
        r"\bno\W+(?:\w+\W+)?(?:puedo|aguanto|soporto)\W+(?:mas\W+)?con\W+(?:esta|mi|la)\W+vida\b",
        r"\bme\W+(?:va|iba|van|vas)\W+a\W+(?:pegar|golpear|hacer\W+dano|lastimar)\b(?!\W+(?:un"
        r"\W+susto|una\W+paliza\W+(?:al|en|jugando)|el\W+(?:resfriado|virus)|la\W+gripe)\b)",
        # miedo de volver a casa, no me siento segura en casa
        r"\b(?:miedo|terror|panico|temo|asusta)\W+(?:\w+\W+){0,2}?(?:volver|ir|regresar|llegar"
        r"|entrar|estar)\W+(?:\w+\W+)?(?:a\W+|en\W+)?(?:mi\W+|el\W+|la\W+)?(?:casa|hogar|piso"
        r"|departamento|apartamento|depa)\b(?!\W+(?:tan\W+)?(?:tarde|de\W+noche|sola?)\b)",
        r"\bno\W+me\W+siento\W+(?:\w+\W+)?segur[oa]\W+(?:en|dentro\W+de)\W+(?:mi\W+|la\W+|nuestra"
        r"\W+)?(?:casa|hogar|piso|departamento|apartamento)\b",
        r"\b(?:miedo|terror|panico)\W+(?:a|de)\W+mi\W+(?:esposo|marido|pareja|novio|novia|esposa"
        r"|padre|papa|padrastro|madre|mama|madrastra|ex|hermano)\b",
        r"\b(?:es|se\W+pone|se\W+vuelve)\W+(?:muy\W+)?(?:violent[oa]|agresiv[oa])\W+(?:conmigo"
        r"|cuando\W+(?:bebe|toma))\b|\b(?:sufro|vivo|sufriendo|victima\W+de)\W+(?:\w+\W+)?"
        r"(?:violencia|maltrato|abusos?)\b",
    ),
    "de": (
        # Suizid, Selbstmord (auch in Zusammensetzungen und mit Tippfehlern)
        r"\bsu[ie]?z[iy]d\w*|\bsuizit\w*|\bselbs?t?\W?mord\w*|\blebensmu(?:e)?de\b",
        # mich umbringen, töten, umzubringen (auch Tippfehler)
        r"\bmich\W+(?:selbst\W+)?(?:(?:heute|jetzt|bald|einfach|endlich|morgen|nacht|noch)"
        r"\W+){0,2}(?:umbring(?:e|en)?|umbr\w*gen|umzubringen|to(?:e)?ten|zu\W+to(?:e)?ten|killen"
        r"|umnieten|abmurksen|kaltmachen|abknallen)\b",
        # mich erschießen, erhängen, aufhängen, vergiften, ertränken
        r"\bmich\W+(?:selbst\W+)?(?:(?:heute|jetzt|bald|einfach|endlich|morgen|nacht|noch)"
        r"\W+){0,2}(?:(?:zu\W+)?erschiessen|(?:zu\W+)?erh(?:a|ae)ngen|aufh(?:a|ae)ngen|aufzuh(?:a"
        r"|ae)ngen|(?:zu\W+)?vergiften|(?:zu\W+)?ertr(?:a|ae)nken)\b",
        r"\b(?:ich\W+(?:\w+\W+)?bring(?:e)?|bring(?:e)?\W+ich)\W+mich\W+(?:\w+\W+){0,4}?um\b(?!\W+"
        r"(?:den|die|das|meinen|meine|mein)\W)",
        r"\b(?:erh(?:a|ae)nge|h(?:a|ae)nge)\W+mich\W+(?:\w+\W+){0,2}?auf\b|\berschiess\w*\W+mich\b"
        r"|\bmir\W+(?:\w+\W+)?(?:die|eine)\W+kugel\b",
        r"\bmir\W+(?:\w+\W+){0,2}?(?:das\W+)?leben\W+(?:zu\W+)?(?:nehmen|genommen|nahm|nehme)\b",
        # Absicht + Tat: "habe vor, mich zu erhängen", "dass ich mich umbringen will"
        r"\b(?:will|mochte|moechte|w(?:u|ue)rde|werde|wollte|plane|habe\W+vor|hab\W+vor|denke"
        r"\W+daran|versucht|beschlossen|drang)\W+(?:(?!nicht\W)\w+\W+){0,3}?(?:mich\W+(?:selbst"
        r"\W+)?(?:zu\W+)?(?:umbringen|umzubringen|t(?:o|oe)ten|ritzen|verletzen)|mir\W+das\W+leben"
        r"\W+zu\W+nehmen)\b",
        r"\b(?:will|mochte|moechte|w(?:u|ue)rde|werde|wollte|plane|habe\W+vor|hab\W+vor|denke"
        r"\W+daran|versucht|beschlossen|drang)\W+(?:(?!nicht\W)\w+\W+){0,3}?mich\W+(?:zu\W+)?"
        r"(?:erh(?:a|ae)ngen|aufzuh(?:a|ae)ngen|erschiessen|vergiften|ertr(?:a|ae)nken)\b",
        r"\b(?:ich|dass)\W+(?:\w+\W+){0,3}?mich\W+(?:selbst\W+)?(?:umbringen|t(?:o|oe)ten|erh(?:a"
        r"|ae)ngen|erschiessen|vergiften|verletzen|ritzen)\W+(?:will|mochte|moechte|werde|wollte"
        r"|muss)\b",
        r"\b(?:plane|plant|geplant|vorbereitet|angek(?:u|ue)ndigt)\W+(?:\w+\W+)?(?:meinen|einen"
        r"|mein)\W+(?:suizid|selbstmord|tod|abgang|ende)\b",
        r"\b(?:meinem|dem)\W+leben\W+(?:\w+\W+)?(?:ein\W+)?ende\b|\bmein\w*\W+leben\W+(?:\w+"
        r"\W+){0,2}?beenden\b|\bschluss\W+(?:\w+\W+)?mit\W+(?:allem|dem\W+leben|meinem\W+leben"
        r"|mir)\b",
        # sterben wollen, tot sein wollen
        r"\b(?:will|mochte|moechte|mocht|mag|w(?:u|ue)rde|werde|wollte|w(?:u|ue)nsch\w*|hoffe|bete"
        r"|lieber|einfach|noch|endlich)\W+(?:(?:ich|einfach|nur|noch|lieber|gerne?|jetzt|endlich"
        r"|heute|bald|echt|wirklich|so|halt)\W+){0,3}(?:sterbe?n|abkratzen|verrecken|krepieren|tot"
        r"\W+sein)\b(?!\W+(?:vor|f(?:u|ue)r)\b)",
        r"\b(?:will|mochte|moechte|mag|w(?:u|ue)rde|wollte)\W+(?:(?:ich|einfach|echt|wirklich|so"
        r"|auch|lieber|eigentlich)\W+){0,2}nicht\W+mehr\W+(?:leben|da\W+sein|aufwachen|existieren)"
        r"\b(?!\W+(?:in|bei|mit|hier|dort|zusammen|allein|auf|an|am|im|neben)\b)",
        r"\b(?:w(?:u|ue)nsch\w*|hoff\w*|w(?:a|ae)r(?:e)?|am\W+liebsten)\W+(?:\w+\W+){0,3}?(?:tot"
        r"|nie\W+geboren|nicht\W+(?:mehr\W+)?(?:am\W+leben|geboren))\b(?!\W+(?:mude|muede"
        r"|langweilig)\b)",
        r"\blieber\W+tot\b|\bam\W+liebsten\W+(?:\w+\W+){0,3}?(?:sterben|nicht\W+mehr\W+"
        r"(?:aufwachen|leben|da\W+sein|existieren)|verschwinden|einschlafen\W+und\W+nicht)\b",
        # nicht mehr aufwachen, für immer verschwinden
        r"\bnicht\W+mehr\W+(?:auf\W*)?(?:wachen|aufwachen|aufzuwachen)\b|\bwache?\W+(?:\w+"
        r"\W+){0,2}?nicht\W+mehr\W+auf\b|\beinschlafen\W+und\W+(?:nie|nicht)\W+(?:mehr\W+|wieder"
        r"\W+)?aufwachen\b",
        r"\b(?:denke|denk|dachte|gedanken)\W+(?:\w+\W+){0,4}?(?:an\W+den\W+tod|ans\W+sterben|an\W+"
        r"(?:selbstmord|suizid))\b(?!\W+(?:von|meines|meiner|des|der)\b)",
        r"\bum\W+(?:\w+\W+)?zu\W+sterben\b|\b(?:will|mochte|moechte|w(?:u|ue)rde)\W+(?:\w+\W+)?"
        r"(?:einfach\W+|nur\W+)?(?:weg\W+f(?:u|ue)r\W+immer|f(?:u|ue)r\W+immer\W+weg)\b",
        r"\bwenn\W+es\W+mich\W+(?:\w+\W+)?nicht\W+(?:mehr\W+)?(?:g(?:a|ae)be|geben\W+w(?:u|ue)rde"
        r"|gab)\b|\bes\W+mich\W+(?:\w+\W+)?nicht\W+mehr\W+(?:gibt|g(?:a|ae)be)\b",
        r"\baufh(?:o|oe)ren\W+zu\W+(?:existieren|leben|atmen)\b|\bso\W+weiter\W*(?:zu\W+)?leben\b|"
        r"\bweiterleben\W+(?:kann|will|mochte|moechte|soll)\b",
        r"\bich\W+(?:\w+\W+){0,3}?(?:sterben|tot\W+sein|nicht\W+mehr\W+leben|nicht\W+mehr"
        r"\W+aufwachen)\W+(?:will|mochte|moechte|wollte|mag|werde)\b",
        r"\b(?:hoffe|bete|w(?:u|ue)nsch\w*|will|m(?:o|oe)chte)\W*,?\W+dass\W+ich\W+(?:\w+"
        r"\W+){0,3}?(?:sterbe|tot\W+bin|nicht\W+mehr\W+aufwache|nie\W+mehr\W+aufwache)\b|\bwenn"
        r"\W+ich\W+(?:\w+\W+)?(?:nicht\W+mehr|nie\W+mehr|nie\W+wieder)\W+aufwache\b",
        r"\b(?:gott|herr)\W+(?:\w+\W+)?mich\W+(?:\w+\W+)?(?:zu\W+sich\W+)?(?:holt|nimmt|holen"
        r"|nehmen)\b|\b(?:will|mochte|moechte|w(?:u|ue)rde)\W+(?:\w+\W+){0,2}?den\W+l(?:o|oe)ffel"
        r"\W+abgeben\b",
        r"\b(?:heute\W+nacht|diese\W+nacht)\W+(?:\w+\W+)?(?:mache|tu|tue)\W+ich\W+es\b(?!\W+"
        r"(?:nach|fertig|sauber)\b)|\b(?:beschlossen|entschlossen|will|werde)\W+(?:\w+"
        r"\W+){0,3}?schluss\W+zu\W+machen\b(?!\W+mit\W+(?:ihm|ihr|meinem|meiner|dem|der)\b)",
        r"\b(?:an|uber|ueber|wegen)\W+sui\b|\bsui\W+(?:gedanken|machen|begehen)\b|\bmich\W+selbst"
        r"\W+l(?:o|oe)schen\b|\bmich\W+l(?:o|oe)schen\b(?=\W*$|\W*[.!?])",
        r"\bkeine\W+zukunft\b(?!\W+(?:f(?:u|ue)r\W+(?:die|den|das|diese|unsere)|in\W+(?:der|dem"
        r"|diesem|dieser))\b)|\b(?:will|mochte|moechte)\W+nur\W+noch\W+weg\b",
        r"\b(?:will|mochte|moechte)\W+(?:\w+\W+)?weg\W+sein\b|\b(?:warte|warten)\W+(?:\w+"
        r"\W+){0,3}?auf\W+den\W+tod\b|\bden\W+tod\W+(?:\w+\W+)?(?:begr(?:u|ue)ssen|herbeisehnen"
        r"|herbei)\b",
        r"\bsehe\W+keinen\W+sinn\W+mehr\b(?=\W*$|\W*[.!?,;]|\W+(?:im|in|zu|darin)\b)|\bleben\W+"
        r"(?:\w+\W+){0,3}?nicht\W+(?:mehr\W+)?(?:lebenswert|wert)\b",
        r"\b(?:niemand\w*|keine\w*)\W+(?:\w+\W+){0,3}?(?:k(?:u|ue)mmern|merken|vermissen"
        r"|interessieren|auffallen)\W*,?\W+wenn\W+ich\W+(?:\w+\W+)?(?:springe|sterbe|tot\W+w(?:a"
        r"|ae)re|weg\W+w(?:a|ae)re|mich\W+umbringe|verschwinde)\b",
        r"\bnicht\W+mehr\W+lange\W+(?:da|am\W+leben)\W+(?:sein|bin)\b|\b(?:will|mochte|moechte|w"
        r"(?:u|ue)rde)\W+(?:\w+\W+){0,2}?nicht\W+(?:mehr\W+)?aufwachen\b",
        r"\b(?:sorry|verzeiht|es\W+tut\W+mir\W+leid)\W+(?:\w+\W+){0,3}?alles\W+(?:\w+\W+){0,3}?"
        r"(?:tsch(?:u|ue)ss|lebt\W+wohl|macht'?s\W+gut|ciao|adieu)\b|\b(?:tsch(?:u|ue)ss|lebt"
        r"\W+wohl|adieu)\W+(?:\w+\W+)?f(?:u|ue)r\W+immer\b",
        r"\bes\W+g(?:a|ae)be\W+mich\W+(?:\w+\W+)?nicht\b|\bg(?:a|ae)be\W+es\W+mich\W+(?:\w+"
        r"\W+)?nicht\b",
        # warum lebe ich noch, leben oder sterben, meine Beerdigung, mir etwas antun
        r"\b(?:warum|wozu|wof(?:u|ue)r)\W+(?:\w+\W+)?(?:lebe\W+ich|ich\W+(?:\w+\W+)?(?:noch"
        r"\W+)?lebe|noch\W+leben|weiterleben|am\W+leben\W+bin)\b",
        r"\b(?:lebe|leben)\W+oder\W+(?:sterbe|sterben|tot)\b|\b(?:sterbe|sterben)\W+oder\W+(?:lebe"
        r"|leben)\b",
        r"\bmeine\W+(?:eigene\W+)?(?:beerdigung|beisetzung|trauerfeier)\b|\bmir\W+(?:selbst\W+)?"
        r"(?:et)?was\W+(?:anzutun|antun|angetan)\b",
        r"\bes\W+mich\W+(?:\w+\W+)?nicht\W+(?:mehr\W+)?(?:g(?:a|ae)be|gibt|geben\W+w(?:u|ue)rde)\b"
        r"|\bwenn\W+ich\W+(?:\w+\W+)?(?:tot|nicht\W+mehr\W+da)\W+w(?:a|ae)re\b",
        r"\bkeinen\W+sinn\W+(?:\w+\W+){0,3}?(?:zu\W+leben|weiterzuleben|am\W+leben|zum\W+leben)\b|"
        r"\braus\W+aus\W+(?:diesem|meinem|dem)\W+leben\b",
        r"\b(?:leid|m(?:u|ue)de|satt)\W+(?:\w+\W+){0,3}?(?:zu\W+leben|ums?\W+(?:u|ue)berleben|am"
        r"\W+leben\W+zu\W+bleiben|weiterzuleben)\b",
        r"\bw(?:a|ae)re?\W+(?:\w+\W+){0,3}?nicht\W+(?:mehr\W+)?(?:aufgewacht|geboren)\b|\b(?:nehme"
        r"|nehm|nahm)\W+ich\W+mir\W+(?:\w+\W+)?(?:das\W+)?leben\b",
        r"\bverschwinden\W+(?:\w+\W+)?f(?:u|ue)r\W+immer\b|\bf(?:u|ue)r\W+immer\W+(?:\w+"
        r"\W+)?verschwinden\b|\bnicht\W+mehr\W+(?:da\W+sein|existieren)\b",
        # eine Last sein, besser ohne mich
        r"\b(?:besser|gl(?:u|ue)cklicher|leichter|einfacher)\W+(?:\w+\W+){0,2}?ohne\W+mich\b|"
        r"\bohne\W+mich\W+(?:\w+\W+){0,3}?(?:besser|gl(?:u|ue)cklicher|leichter|einfacher)\b",
        r"\b(?:bin|sei|f(?:u|ue)hle\W+mich\W+wie)\W+(?:\w+\W+){0,4}?(?:last|belastung|b(?:u"
        r"|ue)rde)\b|\bzur\W+last\b(?!\W+(?:gelegt|legen|zu\W+legen)\b)",
        r"\b(?:keiner|niemand|keine\W+sau)\W+(?:\w+\W+){0,2}?(?:w(?:u|ue)rde|wird|wurd)\W+(?:\w+"
        r"\W+){0,2}?(?:mich\W+vermissen|es\W+merken|merken|trauern)\b",
        r"\b(?:besser|leichter|einfacher|gl(?:u|ue)cklicher|erleichtert|froh)\W+(?:\w+"
        r"\W+){0,3}?wenn\W+ich\W+(?:\w+\W+){0,2}?(?:nicht\W+mehr|tot|weg|nie)\W+(?:\w+\W+)?(?:da|w"
        r"(?:a|ae)re|g(?:a|ae)be|lebe|existier\w*|geboren|w(?:a|ae)r)\b",
        # Selbstverletzung: ritzen, schneiden, verbrennen, schlagen
        r"\britz\w*\W+mich\b|\bmich\W+(?:\w+\W+){0,3}?(?:geritzt|ritzen|zu\W+ritzen|ritze"
        r"|aufgeritzt)\b|\b(?<!den\s)(?<!die\s)ritzen\b|\bsvv\b|\bselbst\W*verletz\w*",
        r"\b(?:schneide|schneid|verletze|verletz|verbrenne|verbrenn|schlage|schlag|kratze|kratz"
        r"|haue|hau|bestrafe)\W+mich\W+(?:\w+\W+){0,2}?(?:selbst|wieder|absichtlich|extra|bewusst"
        r"|mit\W+(?:einer?\W+)?(?:klinge|rasierklinge|messer|zigarett\w*|feuerzeug|scherbe))\b",
        r"\bmich\W+(?:(?:selbst|wieder|absichtlich|extra|bewusst|schon|mal|erneut)\W+){1,2}"
        r"(?:geschnitten|verletzt|verbrannt|geschlagen|gekratzt|aufgeschnitten)\b",
        r"\bmich\W+(?:selbst\W+)?zu\W+(?:verletzen|ritzen|schneiden|verbrennen)\b|\bblutig\W+"
        r"(?:gekratzt|geschnitten|geschlagen|geritzt|gebissen)\b",
        r"\bzigarett\w*\W+(?:\w+\W+){0,3}?(?:auf|an)\W+(?:meiner|meinem|meinen|der)\W+(?:haut"
        r"|arm\w*|hand|bein\w*)\b",
        r"\b(?:schlage|schlag|haue|hau)\W+mir\W+(?:\w+\W+){0,3}?(?:auf|gegen|in)\W+(?:die|den|das"
        r"|meine|meinen)\W+(?:beine|bein|arme|arm|kopf|bauch|gesicht)\b|\britz\w*\W+mir\b|\bin"
        r"\W+die\W+haut\W+(?:ritzen|geritzt|geschnitten|gebrannt)\b",
        r"\b(?:alkohol|wodka|schnaps|wein|flasche)\W+(?:\w+\W+){0,3}?(?:mit|und)\W+(?:\w+\W+)?"
        r"(?:tabletten|pillen|schlaftabletten|medikamenten?)\b",
        r"\bmit\W+(?:einer?\W+|dem\W+|der\W+)?(?:zigarett\w*|klinge|rasierklinge|feuerzeug"
        r"|scherbe)\W+(?:\w+\W+)?(?:verbrannt|geschnitten|geritzt|verletzt)\b",
        r"\bmir\W+(?:\w+\W+){0,3}?(?:in\W+(?:den|die)\W+)?(?:arm|arme|handgelenk|handgelenke|bein"
        r"|beine|oberschenkel|haut|pulsadern?)\W+(?:\w+\W+)?(?:geschnitten|geritzt|aufgeschnitten"
        r"|verbrannt|gestochen)\b",
        r"\b(?:schlage|schlag|haue|hau|knalle|schlug)\W+(?:\w+\W+)?(?:meinen|den)\W+kopf\W+(?:\w+"
        r"\W+)?(?:gegen|an)\W+(?:die|eine)\W+wand\b",
        r"\bich\W+(?:verletze|schneide|verbrenne)\W+mich\b(?!\W+(?:\w+\W+)?(?:beim|bei|im|am|an)"
        r"\b)",
        r"\b(?:verletzt|verbrannt|geschnitten|geritzt|geschlagen|weh\W*getan)\W+(?:\w+\W+){0,2}?"
        r"(?:absichtlich|mit\W+absicht)\b|\babsichtlich\W+(?:\w+\W+){0,3}?(?:verletzt|verbrannt"
        r"|geschnitten|weh\W*getan)\b",
        r"\b(?:arme?|handgelenke?|pulsadern?|beine?|oberschenkel|haut)\W+(?:\w+\W+){0,2}?"
        r"(?:aufgeschnitten|aufschneiden|aufzuschneiden|geritzt|zerschnitten|aufgeritzt)\b|\b"
        r"(?:aufschneiden|schneiden)\W+(?:\w+\W+){0,2}?(?:pulsadern?|handgelenke?)\b",
        r"\b(?:will|mochte|moechte|muss|werde|wollte|tu|tue|tat|habe|hab)\W+mir\W+(?:(?:selbst"
        r"|absichtlich|extra|wieder|bewusst)\W+){0,2}(?:weh|wehtun|weh\W+tun|schaden|schmerzen"
        r"\W+zuf(?:u|ue)gen)\b",
        # Tabletten, Überdosis, Klingen
        r"\bu(?:e)?berdos\w*",
        r"\b(?:sammle|sammel\w*|gesammelt|horte|hort\w*|bunker\w*)\W+(?:\w+\W+){0,4}?(?:tabletten"
        r"|pillen|medikamente|schlaftabletten|schmerzmittel|paracetamol)\b",
        r"\b(?:hab|habe)\W+(?:\w+\W+)?(?<!meine\W)(?:tabletten|pillen|schlaftabletten)"
        r"\W+geschluckt\b",
        r"\b(?:tabletten|pillen|medikamente|schlaftabletten|schmerzmittel)\W+(?:\w+\W+)?"
        r"(?:gesammelt|gehortet|gebunkert|angespart|zusammengespart)\b",
        r"\b(?:tabletten|pillen)\b\W+(?:\w+\W+){0,6}?(?:alle|auf\W+einmal)\W+(?:\w+\W+)?(?:nehmen"
        r"|schlucken)\b|\b(?:rasier)?klingen\W+(?:\w+\W+)?(?:gekauft|besorgt|versteckt|geholt)\b",
        r"\b(?:absichtlich|viele|zu\W+viele|haufenweise|ganze\W+packung)\W+(?:\w+\W+)?(?:tabletten"
        r"|pillen|medikamente|schlaftabletten|schmerzmittel|antidepressiva|beruhigungsmittel)\W+"
        r"(?:\w+\W+)?(?:genommen|geschluckt|eingeworfen)\b",
        r"\b(?:arme?|beine?|handgelenke?|oberschenkel|haut)\W+(?:\w+\W+){0,2}?(?:voller|voll\W+mit"
        r"|voll\W+von)\W+(?:\w+\W+)?(?:schnitte|narben|wunden|brandwunden)\b",
        r"\bmich\W+(?:\w+\W+){0,4}?(?:erh(?:a|ae)ngen|zu\W+erh(?:a|ae)ngen|erschiessen|zu"
        r"\W+erschiessen|ertr(?:a|ae)nken)\b",
        r"\b(?:alle|ganze\w*\W+(?:packung|schachtel|blister|dose)|zu\W+viele|eine\W+handvoll"
        r"|haufen)\W+(?:\w+\W+){0,2}?(?:tabletten|pillen|medikamente|schlaftabletten|schmerzmittel"
        r"|paracetamol)\W+(?:\w+\W+){0,3}?(?:nehmen|genommen|schlucken|geschluckt|einwerfen"
        r"|eingeworfen)\b",
        r"\b(?:nehm\w*|schluck\w*|einwerf\w*)\W+(?:\w+\W+){0,2}?(?:alle|die\W+ganze\w*|eine"
        r"\W+ganze\w*|zu\W+viele)\W+(?:\w+\W+){0,2}?(?:tabletten|pillen|medikamente"
        r"|schlaftabletten|schmerzmittel)\b(?!\W+(?:wie\W+(?:verschrieben|immer)|regelmassig"
        r"|morgens|abends|zum\W+(?:essen|fruhstuck))\b)",
        # springen, sich vor den Zug werfen, mit dem Auto, ins Wasser
        r"\b(?:von|vor|unter|vom|aus)\W+(?:\w+\W+){0,2}?(?:br(?:u|ue)cke|dach|hochhaus|balkon"
        r"|fenster|klippe|turm|zug|gleise|u\W*bahn|s\W*bahn|lkw|laster|auto|bus|strassenbahn"
        r"|parkhaus)\W+(?:\w+\W+){0,2}?(?:(?:zu\W+)?springen|gesprungen)\b",
        r"\b(?:vor|unter)\W+(?:\w+\W+){0,2}?(?:zug|bahn|gleise|u\W*bahn|s\W*bahn|lkw|laster|auto"
        r"|bus|strassenbahn|tram)\W+(?:\w+\W+){0,2}?(?:(?:zu\W+)?(?:werfen|schmeissen|st(?:u"
        r"|ue)rzen|legen)|geworfen|gelegt)\b",
        r"\b(?:spring\w*|st(?:u|ue)rz\w*|werf\w*\W+mich|schmeiss\w*\W+mich)\W+(?:\w+\W+){0,2}?"
        r"(?:von|vor|vom)\W+(?:\w+\W+){0,2}?(?:br(?:u|ue)cke|dach|hochhaus|balkon|fenster|klippe"
        r"|turm|zug|u\W*bahn|s\W*bahn|lkw|parkhaus)\b",
        r"\b(?:wollte|will|mochte|moechte|werde|w(?:u|ue)rde|denke\W+(?:\w+\W+)?(?:an|daran)"
        r"|gedanken)\W+(?:\w+\W+){0,2}?(?:springen|runterspringen|zu\W+springen)\b(?=\W*$|"
        r"\W*[.!?,;]|\W+(?:und|aber|heute|jetzt)\b)",
        r"\b(?:stehe|steh|stand|sitze|sitz|sass)\W+(?:\w+\W+)?(?:auf|an)\W+(?:der|dem|einer|einem)"
        r"\W+(?:br(?:u|ue)cke|dach|kante|klippe|gleisen|hochhaus)\b",
        r"\bich\W+bin\W+(?:\w+\W+)?(?:auf\W+(?:dem|der)\W+(?:dach|br(?:u|ue)cke)|an\W+den"
        r"\W+gleisen)\b(?!\W+(?:und\W+(?:repariere|arbeite)|zum)\b)",
        r"\b(?:werfe|schmeisse|lege|st(?:u|ue)rze)\W+mich\W+(?:\w+\W+)?(?:vor|unter)\W+(?:\w+\W+)?"
        r"(?:zug|bahn|u\W*bahn|s\W*bahn|lkw|laster|auto|bus|strassenbahn|tram)\b",
        r"\b(?:gleis\w*|schienen|zug|bahn|br(?:u|ue)cke|dach)\b\W+(?:\w+\W+){0,6}?(?:mich\W+)?"
        r"(?:davor|runter|hinunter|darunter)\W+(?:zu\W+)?(?:werfen|springen|legen|st(?:u|ue)rzen)"
        r"\b",
        r"\b(?:hab|habe|gekauft|besorgt|versteckt)\W+(?:\w+\W+)?(?:ein|einen|das|den)\W+(?:seil"
        r"|strick)\b(?!\W+(?:zum|f(?:u|ue)r)\b)",
        r"\b(?:seil|strick|schlinge)\b(?!\W+(?:zum|f(?:u|ue)r)\W)\W+(?:\w+\W+){0,3}?(?:bereit|fertig"
        r"|vorbereitet|gekn(?:u|ue)pft|h(?:a|ae)ngt)\b(?!(?:\W+\w+){0,3}?\W+(?:klettern|zelt|boot"
        r"|schaukel|w(?:a|ae)sche|segeln|turnen|kurs)\b)",
        r"\bins\W+wasser\W+(?:zu\W+)?gehen\b|\bnicht\W+(?:mehr\W+)?zur(?:u|ue)ck(?:zu)?(?:kommen"
        r"|kehren)\b(?=\W*$|\W*[.!?])",
        r"\b(?:auto|wagen)\W+(?:\w+\W+){0,2}?gegen\W+(?:einen|eine|die|den)\W+(?:baum|wand|mauer"
        r"|br(?:u|ue)cke|pfeiler|lkw)\W+(?:\w+\W+)?(?:zu\W+)?(?:fahren|rasen|lenken|knallen)\b",
        # Strick, Waffe
        r"\bstrick\b(?!\W+drehen)|\b(?:waffe|pistole|gewehr|revolver|knarre)\W+(?:\w+\W+){0,5}?"
        r"(?:gegen\W+mich|an\W+(?:meinen|den)\W+kopf|in\W+den\W+mund|mich\W+(?:zu\W+)?"
        r"(?:erschiessen|to(?:e)?ten|umbringen))\b",
        # Hoffnungslosigkeit: keinen Sinn mehr, kein Ausweg, ich kann nicht mehr
        r"\b(?:alles|leben|nichts|es)\W+(?:\w+\W+){0,3}?(?:keinen\W+sinn\W+mehr|kein\W+sinn\W+mehr"
        r"|mehr\W+(?:einen\W+)?sinn|sinnlos)\b",
        r"\b(?:mein|das)\W+leben\W+(?:\w+\W+){0,2}?(?:sinnlos|keinen\W+sinn|nichts\W+wert|wertlos"
        r"|ist\W+vorbei)\b|\bsinnlos\W+(?:\w+\W+)?(?:zu\W+leben|weiterzuleben|weiter\W+zu\W+leben)"
        r"\b",
        r"\b(?:kein\w*|nur\W+einen?|einzige\w*)\W+(?:anderen\W+)?ausweg\b(?!\W+aus\W+(?:den|der"
        r"|dem|diesem|dieser)\W+(?:schulden|vertrag|stau)\b)",
        r"\bkann\W+(?:(?:einfach|echt|wirklich|so|halt|eben|bald|auch)\W+)?nicht\W+mehr(?:\W+"
        r"(?:weiter\w*|leben|weiterleben|so\W+weiter\w*)\b|(?=\W*$|\W*[.!?;]))",
        r"\b(?:will|mag|mochte|moechte)\W+(?:(?:einfach|echt|wirklich|so|auch|halt)\W+)?nicht"
        r"\W+mehr(?=\W*$|\W*[.!?;,]|\W+(?:leben|weiter\w*(?!\W+(?:mit|bei|in|im|an|so)\b)|da"
        r"\W+sein|sein|existieren|aufwachen)\b)",
        r"\bnicht\W+mehr\W+(?:\w+\W+)?(?:weiterleben|weiter\W+leben)\b|\bkeine\W+kraft\W+mehr\W+"
        r"(?:zu\W+leben|zum\W+leben|weiterzu\w*)\b",
        r"\bk(?:ei|e)n\w*\W+(?:bock|lust|kraft|grund|mut|sinn|hoffnung)\W+(?:mehr\W+)?(?:zu"
        r"\W+leben|aufs?\W+leben|auf\W+das\W+leben|zum\W+leben|zu\W+existieren|weiterzuleben"
        r"|weiter\W+zu\W+leben|am\W+leben)\b",
        r"\bgeb\w*\W+(?:\w+\W+)?(?:das\W+leben|mich\W+selbst|mich|alles)\W+auf\b(?!\W*,?\W*(?:um|f"
        r"(?:u|ue)r)\b)|\bhalt\w*\W+(?:\w+\W+)?(?:dieses|mein|das)\W+leben\W+(?:\w+\W+)?nicht"
        r"\W+mehr\W+aus\b",
        r"\bkeine\W+hoffnung\W+mehr\b(?!\W*,?\W*(?:dass|auf|f(?:u|ue)r\W+(?!mich\b)\w+)\b)|\b(?:es"
        r"|das)\W+hat\W+(?:doch\W+)?(?:alles\W+)?keinen\W+sinn\b(?=\W*$|\W*[.!?;])",
        r"\bkeinen\W+sinn\W+(?:mehr\W+)?(?:im|in\W+meinem|in\W+dem)\W+leben\b|\bsinn\W+(?:\w+\W+)?"
        r"(?:im|des)\W+lebens?\W+(?:\w+\W+)?(?:verloren|nicht\W+mehr)\b",
        r"\b(?:will|mochte|moechte|w(?:u|ue)nsch\w*)\W+(?:\w+\W+)?dass\W+(?:alles|es|das\W+leben)"
        r"\W+(?:\w+\W+)?(?:aufh(?:o|oe)rt|endet|vorbei\W+ist)\b",
        # Abschied, Pläne
        r"\babschiedsbrief\w*|\babschieds\W*(?:brief|nachricht|video)\w*|\b(?:habe|hab)\W+(?:einen"
        r"|schon\W+einen)\W+plan\W*,?\W+wie\b",
        # Gewalt zu Hause: schlägt mich, hat mich geschlagen, würgt mich
        r"\b(?:schl(?:a|ae)gt|schlug|verpr(?:u|ue)gel\w*|pr(?:u|ue)gelt|w(?:u|ue)rgte?|tritt|trat"
        r"|ohrfeigt|haut|misshandel\w*|vergewaltig\w*|missbrauch\w*|bedroht|schubst|st(?:o|oe)sst)"
        r"\W+(?:\w+\W+)?(?:mich|uns)\b(?!\W+(?:\w+\W+)?(?:beim|im)\W+(?:schach|tennis|\w*spiel\w*"
        r"|karten)\b)",
        r"\bmich\W+(?:\w+\W+){0,3}?(?:geschlagen|verpr(?:u|ue)gelt|gew(?:u|ue)rgt|getreten"
        r"|geohrfeigt|misshandelt|vergewaltigt|missbraucht|bedroht|geschubst|gestossen|an\W+den"
        r"\W+haaren\W+gezogen)\b",
        r"\b(?:am|an\W+der)\W+(?:hals|kehle|gurgel)\W+(?:gepackt|gew(?:u|ue)rgt|gegriffen"
        r"|festgehalten)\b|\b(?:packt|greift|w(?:u|ue)rgt)\W+mich\W+(?:\w+\W+)?am\W+(?:hals|kehle)"
        r"\b",
        r"\b(?:messer|waffe|pistole|klinge)\W+(?:\w+\W+){0,2}?(?:an|gegen|auf)\W+(?:den|meinen|die"
        r"|meine)\W+(?:hals|kehle|kopf|brust)\b|\bmich\W+(?:\w+\W+){0,3}?(?:runter|hinunter"
        r"|herunter)\W*(?:gestossen|geschubst|geworfen)\b",
        r"\bwenn\W+ich\W+(?:\w+\W+){0,2}?(?:verlass\w*|gehe|geh|weggehe|anzeig\w*|trenn\w*"
        r"|polizei\w*|erz(?:a|ae)hl\w*)\W+(?:\w+\W+){0,5}?(?:bringt|t(?:o|oe)tet)\W+(?:(?:er|sie)"
        r"\W+)?mich\b",
        r"\bangst\W+(?:\w+\W+){0,4}?(?:er|sie)\W+mich\W+(?:\w+\W+){0,3}?(?:umbringt|t(?:o|oe)tet"
        r"|schl(?:a|ae)gt|verletzt|findet)\b",
        r"\b(?:sagt|sagte|gesagt|droht|drohte|schreit|schrie|meint)\W*,?\W+(?:dass\W+)?(?:er|sie)"
        r"\W+(?:bringt|wird)\W+mich\W+(?:\w+\W+)?(?:um|umbringen)\b",
        r"\b(?:mich|uns)\W+(?:\w+\W+)?(?:schl(?:a|ae)gt|verpr(?:u|ue)gelt|w(?:u|ue)rgt|misshandelt"
        r"|bedroht|tritt)\b(?=\W*$|\W*[.!?,;]|\W+(?:und|wenn|weil|seit)\b)",
        # Drohungen
        r"\b(?:droh\w*|gedroht|bedroh\w*)\W+(?:\w+\W+){0,3}?(?:mich\W+)?(?:umzubringen|zu\W+to"
        r"(?:e)?ten|totzuschlagen|zu\W+schlagen|abzustechen|umbringen|to(?:e)?ten|zu"
        r"\W+erschiessen)\b",
        r"\bdroht\w*\W+mir\b(?!\W+(?:mit\W+(?:k(?:u|ue)ndigung|der\W+k(?:u|ue)ndigung|einer"
        r"\W+strafe|anwalt|rauswurf))\b)",
        r"\b(?:er|sie|mein\w*\W+\w+)\W+(?:\w+\W+)?bring\w*\W+mich\W+(?:\w+\W+)?um\W+wenn\W+ich\W+"
        r"(?:\w+\W+){0,3}?(?:geh\w*|verlass\w*|anzeig\w*|polizei|sag\w*|erz(?:a|ae)hl\w*|trenn\w*"
        r"|ausziehe)",
        r"\bwenn\W+ich\W+(?:\w+\W+){0,3}?(?:verlass\w*|geh\w*|anzeig\w*|trenn\w*|polizei\w*|erz"
        r"(?:a|ae)hl\w*|weggeh\w*)\W+(?:\w+\W+)?bringt\W+(?:er|sie)\W+mich\W+(?:\w+\W+)?um\b",
        r"\b(?:er|sie)\W+(?:bringt|wird)\W+mich\W+(?:noch\W+|bald\W+|irgendwann\W+)?(?:um"
        r"|umbringen)\b(?!\W*,?\W*wenn\W+(?:ich\W+)?(?:\w+\W+)?(?:zu\W+sp(?:a|ae)t|das|sie|er)\b)",
        r"\b(?:er|sie|mann|partner\w*|freund\w*|vater|papa|mutter|mama|stiefvater)\W+(?:\w+"
        r"\W+)?tut\W+mir\W+(?:\w+\W+)?weh\b",
        # Angst nach Hause zu gehen, zuhause nicht sicher
        r"(?<!keine\s)\b(?:angst|panik|furcht)\W+(?:\w+\W+){0,4}?(?:nach\W+hause|heim|nachhause"
        r"|nach\W+haus|in\W+(?:meine|unsere|die)\W+wohnung)\b|\btrau\w*\W+mich\W+(?:\w+\W+)?nicht"
        r"\W+(?:mehr\W+)?(?:nach\W+hause|heim|nachhause)\b",
        r"\b(?:zu\W*hause|daheim|in\W+meiner\W+wohnung)\W+(?:\w+\W+){0,3}?nicht\W+(?:mehr"
        r"\W+)?sicher\b|\bnicht\W+(?:mehr\W+)?sicher\W+(?:zu\W*hause|daheim)\b",
        r"\bangst\W+vor\W+(?:ihm|ihr|(?:meinem|meiner|meinen)\W+(?:mann|ehemann|partner|partnerin"
        r"|freund|exfreund|ex|vater|papa|stiefvater|mutter|mama|stiefmutter|bruder|sohn|frau"
        r"|freundin|ehefrau))\b",
        r"\b(?:ist|wird|war|wurde)\W+(?:\w+\W+)?(?:gewaltt(?:a|ae)tig|handgreiflich)\b",
    ),
    "uk": (
        # суїцид, самогубство (укр., рос., з помилками)
        r"\bсу[іиеї]?ц[иіы]д\w*|\bсамо(?:губ|убии?|вбив)\w*",
        # вбити себе, вб'ю себе, убить себя
        r"\b(?:в|у)б(?:ити|ить|'?ю|ью|ъю|ила?|ив|ивати|'?ють)\W+(?:\w+\W+)?(?:се|си)(?:бе|бя)\b|"
        r"\bсе(?:бе|бя)\W+(?:\w+\W+)?(?:в|у)б(?:ити|ить|'?ю|ью|ила?|ив)\b",
        # накласти на себе руки, вкоротити собі віку, покінчити з собою
        r"\bнакла\w*\W+(?:\w+\W+)?на\W+се(?:бе|бя)\W+руки\b|\bналож\w*\W+на\W+себя\W+руки\b|"
        r"\bвкорот\w*\W+(?:\w+\W+)?віку\b",
        r"\bпок[іио]нч\w*\W+(?:з|із|зі|с|со)\W+(?:собою|собой|життям|жизнью|усім|всім|всем|цим"
        r"\W+життям)\b",
        # намір + дія: "вирішила повіситися", "планую вбити себе", "решила покончить с собой"
        r"\b(?:хочу|хочеться|хотілося|думаю|планую|збираюсь|збираюся|вирішила?|вирішив|спробую"
        r"|намагалася|намагався|треба|пора|готова?)\W+(?:(?!не\W)\w+\W+){0,2}?(?:повіситися"
        r"|повіситись|отруїтися|отруїтись|застрелитися|втопитися|втопитись|вбити\W+себе|себе"
        r"\W+вбити)\b",
        r"\b(?:хочу|хочеться|хотілося|думаю|планую|збираюсь|збираюся|вирішила?|вирішив|спробую"
        r"|намагалася|намагався|треба|пора|готова?)\W+(?:(?!не\W)\w+\W+){0,2}?(?:піти\W+з\W+життя"
        r"|накласти\W+на\W+себе\W+руки|покінчити\W+з\W+собою|стрибнути|кинутися)\b",
        r"\b(?:хочу|хочется|хотелось|думаю|планирую|собираюсь|решила?|решил|попробую|пыталась"
        r"|пытался|надо|пора|готова?)\W+(?:(?!не\W)\w+\W+){0,2}?(?:повеситься|отравиться"
        r"|застрелиться|утопиться|убить\W+себя|себя\W+убить)\b",
        r"\b(?:хочу|хочется|хотелось|думаю|планирую|собираюсь|решила?|решил|попробую|пыталась"
        r"|пытался|надо|пора|готова?)\W+(?:(?!не\W)\w+\W+){0,2}?(?:уйти\W+из\W+жизни|наложить\W+на"
        r"\W+себя\W+руки|покончить\W+с\W+собой|прыгнуть|броситься)\b",
        r"\b(?:піти|піду|уйти|уйду)\W+(?:з|із|из)\W+(?:життя|жизни)\b|\bвип[иі]л(?:итися|юсь|юся"
        r"|иться|илась|ился)\b|\bвыпил(?:иться|юсь|илась|ился)\b",
        # хочу померти, хочу вмерти, хочу здохнути, краще б я померла
        r"\b(?:хочу|хочю|хчу|хачу|хотіла?|хотів|хотела?|хоті\w*|хочеться|бажаю|мрію|краще\W+б"
        r"|скоріше\W+б|готов\w*|треба|хоч\W+би)\W+(?:\w+\W+){0,2}?(?:померти|помиерти|помирти"
        r"|вмерти|вмирети|умерти|помри|вмерла|вмер|померла|помер|здохнути|здохнуть|здохла|загинути"
        r"|не\W+жити)\b",
        # російською: хочу умереть, хочется сдохнуть, лучше бы я умерла
        r"\b(?:хочу|хочю|хчу|хачу|хотіла?|хотів|хотела?|хат\w*|хотел\w*|хочется|мечтаю|лучше"
        r"\W+б\w*|скорее\W+бы|готов\w*|надо|хоть\W+бы)\W+(?:\w+\W+){0,2}?(?:умереть|вмиреть"
        r"|умиреть|помереть|умерла|умер|сдохнуть|сдохнути|сдохла|погибнуть|подохнуть|не\W+жить)\b",
        # не хочу жити / не хочу жить (не з батьками, не тут)
        r"\bне\W*(?:\w+\W+)?(?:хо?ч[уюеі]\w*|хочеться|хочется|хотілось|хотелось|бачу\W+сенсу|можу"
        r"|могу)\W+(?:\w+\W+)?(?:більше\W+|больше\W+|вже\W+|уже\W+)?(?:жити|жить|існувати"
        r"|существовать)\b(?!\W+(?:так\W*,?\W*(?:як|как)|з|зі|із|с|в|у|на|біля|около|поруч|рядом"
        r"|тут|там|разом|вместе|одн\w*|сам\w*)\b)",
        # не хочу прокидатися / просыпаться
        r"\bне\W*(?:\w+\W+)?(?:хо?ч[уюеі]\w*|хочеться|хочется)\W+(?:\w+\W+)?(?:більше\W+|больше"
        r"\W+)?(?:прокида\w*|прокинут\w*|просыпа\w*|проснуться|просинат\w*)\b(?!\W+(?:(?:так"
        r"\W+)?рано|о\W+\d|в\W+\d|на\W+роботу|на\W+работу|до\W+обіду)\b)",
        r"\b(?:жити|жить)\W+(?:\w+\W+)?не\W+(?:хочу|хочеться|хочется)\b",
        # немає сенсу жити, нет смысла жить, незачем жить
        r"\b(?:незачем|нема\W+для\W+чого|нема\W+заради\W+чого|немає\W+заради\W+чого|нет\W+смысла"
        r"|немає\W+сенсу|нема\W+сенсу|немає\W+смислу|нема\W+смислу|нечего|немає\W+причин)\W+(?:\w+"
        r"\W+)?(?:далі\W+|дальше\W+|більше\W+)?(?:жити|жить|існувати|продовжувати)\b",
        r"\b(?:не\W+бачу|не\W+вижу|немає|нема|нет|втратил\w*|потерял\w*)\W+(?:\w+\W+)?(?:сенсу"
        r"|смысла|смислу|сенс|смысл)\W+(?:\w+\W+)?(?:в\W+|у\W+)?(?:житті|жизни|жити|жить|існувати)"
        r"\b",
        r"\b(?:життя|жизнь|жити|жить)\W+(?:\w+\W+)?(?:не\W+має|не\W+имеет|без|втратило|потеряла)"
        r"\W+(?:\w+\W+)?(?:сенсу|смысла|сенс|смысл)\b",
        # втомилася жити, набридло жити, устала жить
        r"\b(?:втоми\w*|утоми\w*|уста\w*|набридл\w*|надоел\w*|задолбал\w*|достало|дістало)\W+"
        r"(?:\w+\W+)?(?:жити|жить|від\W+життя|от\W+жизни|існувати)\b(?!\W+(?:з|зі|с|в|у|на|біля"
        r"|тут|там|одн\w*|сам\w*)\b)",
        r"\b(?:я\W+)?(?:більше|больше|вже|уже)\W+не\W+(?:можу|могу)\W+(?:так\W+)?(?:жити|жить)\b",
        r"\b(?:хочу|хочеться|хочется)\W+(?:\w+\W+)?(?:щоб|чтоб|чтобы)\W+(?:все|усе|це|это)\W+"
        r"(?:\w+\W+)?(?:закінчилось|скінчилось|закончилось|кончилось|припинилось|прекратилось)\b",
        r"\b(?:немає|нема|нет|втратила?|втратив|потеряла?)\W+(?:\w+\W+)?(?:надії|надежды|надію"
        r"|надежду)\b(?!\W+(?:на|що|что)\b)",
        # заснути і не прокинутися, краще б я не прокинулася
        r"\b(?:заснути|заснуть|уснути|уснуть|спати|лягти\W+спати|лечь\W+спать)\W+(?:\w+\W+)?(?:і|и"
        r"|та)\W+(?:більше\W+|больше\W+)?не\W+(?:прокину\w*|прокида\w*|просну\w*|просыпа\w*"
        r"|просина\w*)",
        r"\b(?:заснути|заснуть|уснути|уснуть|засну|усну)\W+(?:\w+\W+)?(?:назавжди|навсегда|вічним"
        r"\W+сном|вечным\W+сном)\b",
        r"\b(?:краще\W+б|лучше\W+б\w*|хоч\W+би|хоть\W+бы|хочу|хотілося\W+б|хочеться|мрію|надіюсь"
        r"|надеюсь|сподіваюсь|щоб|чтоб|чтобы)\W+(?:\w+\W+){0,2}?не\W+(?:прокину\w*|прокида\w*"
        r"|просну\w*|просина\w*|просыпа\w*)\b",
        r"\b(?:зникнути|зникну|исчезнуть|исчезну|щезнути)\W+(?:\w+\W+)?(?:назавжди|навсегда|з"
        r"\W+цього\W+світу|из\W+этого\W+мира|з\W+лиця\W+землі)\b",
        r"\b(?:краще\W+б|лучше\W+б\w*|хай\W+би|пусть\W+бы|щоб|чтоб|чтобы)\W+(?:\w+\W+)?(?:мене"
        r"|меня)\W+(?:\w+\W+)?не\W+(?:було|было|стало|існувало)\b",
        r"\b(?:краще|лучше)\W+б\w*\W+(?:я\W+)?(?:взагалі\W+)?не\W+(?:народж|народил|родил)\w*|\b"
        r"(?:навіщо|нащо|зачем)\W+(?:я\W+)?(?:взагалі\W+)?(?:народил\w*|родил\w*)\b",
        # тягар, всім буде краще без мене
        r"\b(?:краще|лучше|легше|легче|простіше|проще|спокійніше|спокойнее)\W+(?:\w+\W+){0,2}?без"
        r"\W+(?:мене|меня)\b|\bбез\W+(?:мене|меня)\W+(?:\w+\W+){0,3}?(?:краще|лучше|легше|легче"
        r"|простіше|проще)\b",
        r"\b(?:якщо|коли|если|когда|як)\W+(?:мене|меня)\W+(?:\w+\W+)?не\W+(?:стане|станет|буде"
        r"|будет)\b",
        r"\b(?:ніхто|никто|нікому|никому)\W+(?:\w+\W+){0,3}?(?:помітить|заметит|сумуват\w*"
        r"|скучат\w*|заплаче|заплачет|байдуже|все\W+равно|діла|дела)\W+(?:\w+\W+){0,3}?(?:якщо"
        r"|коли|если|когда|як)\W+(?:я\W+)?(?:помру|вмру|умру|помер\w*|зникну|исчезну|не\W+стане|не"
        r"\W+станет|загину|стрибну|прыгну)\b",
        r"\b(?:я|почуваюся|чувствую\W+себя|відчуваю\W+себе|стала?|став)\W+(?:(?:лише|тільки|просто"
        r"|лиш|только|для|всіх|всех|усіх|всім|вам|им|їм)\W+){0,3}(?:тягар\w*|обуз\w*)\b|\bя\W+"
        r"(?:\w+\W+)?(?:всім|всем|усім)\W+(?:тільки\W+|только\W+|лише\W+)?(?:заважаю|мешаю)\b",
        # навіщо жити, жити чи померти, думаю про смерть, мій похорон
        r"\b(?:навіщо|нащо|для\W+чого|зачем|для\W+чего)\W+(?:\w+\W+){0,2}?(?:живу|жити|жить|існую"
        r"|живая|живий|живой|жива)\b",
        r"\b(?:перестати|перестать)\W+(?:існувати|существовать|жити|жить|дихати|дышать)\b|\bне\W+"
        r"(?:\w+\W+){0,4}?(?:далі\W+|дальше\W+)?так\W+(?:жити|жить)\b(?!\W+(?:як|как)\b)",
        r"\b(?:якби|если\W+бы|коли\W+б)\W+(?:мене|меня)\W+(?:\w+\W+)?не\W+(?:було|было|стало"
        r"|існувало)\b|\b(?:мене|меня)\W+(?:\w+\W+)?(?:скоро|незабаром|завтра|сьогодні|вже)\W+не"
        r"\W+(?:стане|станет|буде|будет)\b",
        r"\b(?:якби|если\W+бы|щоб|чтобы)\W+(?:я\W+)?(?:більше\W+|больше\W+)?не\W+(?:прокину\w*"
        r"|просну\w*)\b|\b(?:якби|если\W+бы|коли\W+б)\W+(?:я\W+)?(?:зникла|зник|исчезла|исчез"
        r"|померла|помер|умерла|умер|вмерла|вмер)\b",
        r"\b(?:життя|жизнь)\W+(?:\w+\W+)?(?:безглузде|безсенсовне|бессмысленна\w*|пусте|не"
        r"\W+варте)\b|\bне\W+(?:можу|могу)\W+(?:\w+\W+)?(?:йти|жити|идти|жить)\W+(?:далі|дальше)\b",
        r"\b(?:бог|боже|господь)\W+(?:\w+\W+)?(?:мене|меня)\W+(?:\w+\W+)?(?:забрав|забрал|забере"
        r"|заберет|прибрав)\b",
        r"\bне\W+(?:\w+\W+)?(?:бачу|вижу|маю|имею)\W+(?:жодного\W+|никакого\W+|ніякого\W+)?"
        r"(?:майбутнього|будущего)\b|\b(?:піти|уйти|піду|уйду)\W+назавжди\b(?!\W+(?:з|із|от|из)\b)",
        r"\b(?:закінчити|скінчити|покінчити|закончить|оборвать|обірвати|припинити)\W+(?:\w+\W+)?"
        r"(?:життя|жизнь)\b",
        r"\b(?:піти|уйти)\W*,?\W*(?:але\W+|но\W+)?(?:назавжди|навсегда)\b|\b(?:чекаю|жду)\W+(?:на"
        r"\W+)?(?:смерть|смерти|кінця|конца)\b|\b(?:зраділа?|зрадів|обрадовалась|обрадовался)\W+"
        r"(?:б\W+|бы\W+)?(?:смерті|смерти)\b",
        r"\b(?:планую|готую|планирую|готовлю)\W+(?:свій|свою|мій|мою|свой|мой)\W+(?:відхід|уход"
        r"|смерть|самогубство|кінець|конец)\b|\bне\W+(?:бачу|вижу)\W+(?:\w+\W+)?(?:сенсу|смысла)\b"
        r"(?=\W*$|\W*[.!?,;])",
        r"\bя\W+(?:\w+\W+)?(?:зараз|сейчас|вже|уже|стою)\W+на\W+(?:даху|мосту|крыше|краю)\b",
        r"\b(?:пробачте|вибачте|простіть|простите|извините)\W+(?:\w+\W+)?за\W+(?:все|усе)\W+(?:\w+"
        r"\W+){0,2}?(?:прощавайте|прощайте|бувайте|прощай)\b",
        r"\b(?:жити|жить)\W+(?:чи|или)\W+(?:померти|вмерти|умереть|помереть|ні|нет)\b",
        r"\b(?:думаю|думала?|думав|думки|мысли|думаю)\W+(?:\w+\W+){0,2}?(?:про|о|об)\W+(?:смерть"
        r"|смерти|самогубство|суіцид|суицид)\b(?!\W+(?:бабус\w*|діду\w*|дедушк\w*|мам\w*|тат\w*"
        r"|батьк\w*|брат\w*|сестр\w*|друг\w*)\b)",
        r"\b(?:свій|свои|мій|мои|свою|мою|свой|мой)\W+(?:власний\W+|собственные\W+)?(?:похорон\w*"
        r"|поминки)\b",
        r"\bхо?ч\w*\W+(?:\w+\W+)?не\W+(?:існувати|существовать|бути|быть)\b|\bне\W*хо?ч\w*\W+"
        r"(?:\w+\W+)?(?:бути|быть)\W+(?:живою|живим|живой|живым)\b",
        r"\b(?:щось|що\W*небудь|что\W*нибудь|что\W*то)\W+(?:з|із|с)\W+(?:собою|собой)\W+(?:\w+"
        r"\W+)?(?:зроблю|зробити|сделаю|сделать)\b",
        r"\b(?:хочу|хочеться|треба|пора)\W+(?:\w+\W+)?(?:все|усе)\W+(?:це\W+|это\W+)?(?:закінчити"
        r"|покінчити|скінчити|закончить|прекратить|припинити)\b(?!\W+(?:до|сьогодні|вчасно)\b)",
        r"\b(?:боротися|бороться)\W+за\W+(?:життя|жизнь)\b|\bкраще\W+без\W+(?:такої|такого|такой)"
        r"\W+\w+\b",
        # самоушкодження: ріжу себе, ріжу руки, режу вены, б'ю себе, пропалюю себе
        r"\b(?:по|пере|роз)?р[іие][жз]\w*\W+(?:\w+\W+)?(?:себе|себя|руки|вени|вены|зап'?ясть?я"
        r"|запястья|стегна|бедра)\b|\bсе(?:бе|бя)\W+(?:\w+\W+)?(?:по)?р[іие][жз]\w*",
        r"\b(?:по)?р[іие][жз]\w*(?:ся|сь)\b|\b(?:лезом|лезами|бритвою|бритвой|лезвием|лезвиями)\b|"
        r"\bпор[іие]зал\w*\W+(?:\w+\W+)?(?:руку|ногу|ноги)\b",
        r"\bсамоушкод\w*|\bсамопошкод\w*|\bсамоповрежд\w*|\bселф\W?харм\w*",
        r"\b(?:калічити|калічу|калечить|калечу|нівечити)\W+(?:себе|себя)\b|\b(?:себе|себя)\W+"
        r"(?:\w+\W+)?(?:калічи\w*|калечи\w*|калечу)\b",
        r"\b(?:руки|ноги|шкіру|кожу|себе|зап'?ястя)\W+(?:\w+\W+)?до\W+(?:крові|крови)\b|\b"
        r"(?:розчес\w*|роздер\w*|расчес\w*|разодр\w*)\W+(?:\w+\W+)?до\W+(?:крові|крови)\b",
        r"\b(?:само)?(?:вип|вып)ил\w*(?:ся|сь)\b|\b(?:вб|уб)(?:итися|итись|иться|юся|юсь|ьюсь)\b|"
        r"\b(?:заріз|зарез)(?:атися|атись|аться)\b|\bроскомнадзор\w*",
        r"\b(?:завда\w*|заподія\w*|роб\w*|зроб\w*|делаю|сделать|сделаю|причин\w*)\W+(?:\w+\W+)?"
        r"(?:собі|себе|себі)\W+(?:\w+\W+)?(?:шкоди|шкоду|болю|біль|боляче|больно|боль|вреда|вред)"
        r"\b",
        r"\b(?:б'?ю|бью|бъю|луплю|гамселю)\W+(?:\w+\W+)?(?:себе|себя)\b",
        r"\b(?:пропал\w*|припік\w*|припек\w*|палю|жгу)\W+(?:\w+\W+)?(?:себе|себя|руки|руку|шкіру"
        r"|кожу)\b|\b(?:себе|себя|руки|руку)\W+(?:\w+\W+)?(?:цигарк\w*|сигарет\w*|запальничк\w*"
        r"|зажигалк\w*)",
        r"\b(?:вскри\w*|вскры\w*|розкри\w*|порізати|перерізати|перерезать|порезать|різати|резать)"
        r"\W+(?:\w+\W+)?(?:собі\W+|себе\W+)?(?:вени|вены)\b|\bвскр[иы]т(?:ися|ись|ься|ся)\b",
        # таблетки, передозування
        r"\bпередоз\w*",
        r"\b(?:наковта\w*|наглота\w*|на[іи]ст\w*|наест\w*|напил\w*|напит\w*|нап'?ю\w*|напью\w*)\W+"
        r"(?:\w+\W+)?(?:таблет\w*|пігул\w*|пилюл\w*|ліків|лекарств\w*|снодійн\w*|снотворн\w*"
        r"|колес)\b",
        r"\b(?:вип\w*|выпить|выпью|выпила|ковтн\w*|проковтн\w*|проглот\w*|з'?[іи]ст\w*|съесть|съем"
        r"|прийн\w*|прийм\w*|принять|приму)\W+(?:\w+\W+)?(?:вс[іие]|усі|весь|цілу|целую|всю|пачку"
        r"|упаковку|жменю|горсть|купу|кучу)\W+(?:\w+\W+)?(?:таблет\w*|пігул\w*|пилюл\w*|ліки|ліків"
        r"|лекарств\w*|снодійн\w*)\b",
        r"\b(?:навмисно|спеціально|специально|нарочно)\W+(?:\w+\W+){0,2}?(?:вип\w*|выпил\w*"
        r"|наковта\w*|наглота\w*|ковтн\w*|з'?[іи]л\w*)\b",
        r"\b(?:вип\w*|выпил\w*|ковтн\w*|наковта\w*)\W+(?:\w+\W+)?(?:купу|кучу|багато|много|пачку"
        r"|упаковку)\W+(?:антидепресант\w*|заспокійлив\w*|успокоительн\w*|снодійн\w*|снотворн\w*)"
        r"\b",
        r"\b(?:руки|ноги|зап'?ястя|стегна|шкіра)\W+(?:\w+\W+){0,3}?(?:в|у)\W+(?:порізах|шрамах"
        r"|опіках|порезах)\b|\b(?:порізи|порезы|шрами|шрамы|опіки)\W+(?:\w+\W+)?(?:на|по)\W+"
        r"(?:руках|ногах|зап'?ястях|стегнах|тілі)\b",
        r"\b(?:вирізаю|вирізала|вырезаю|вырезала)\W+(?:\w+\W+){0,2}?на\W+(?:шкірі|коже|руці|руках"
        r"|руке|ногах)\b",
        r"\b(?:горілк\w*|водк\w*|алкогол\w*|пляшк\w*|бутылк\w*)\W+(?:\w+\W+){0,2}?(?:з|с|і|и)\W+"
        r"(?:\w+\W+)?(?:таблетк\w*|пігулк\w*|снодійн\w*|снотворн\w*|лік\w*|лекарств\w*)\b",
        r"\b(?:збира\w*|зібра\w*|накопич\w*|коплю|копи\w*|собира\w*|насобира\w*|ховаю|прячу)\W+"
        r"(?:\w+\W+){0,2}?(?:таблет\w*|пігул\w*|пилюл\w*|ліки|ліків|лекарств\w*|снодійн\w*"
        r"|снотворн\w*)\b(?!\W+(?:для|на\W+фронт|військов\w*|бабус\w*|мам\w*|тат\w*|діт\w*)\b)",
        r"\b(?:вип\w*|выпил\w*|ковтн\w*|проковтн\w*|наковта\w*|наглота\w*|з'?[іи]л\w*|съел\w*)\W+"
        r"(?:\w+\W+)?(?:[2-9]\d|\d{3,})\W+(?:\w+\W+)?(?:таблет\w*|пігул\w*|пилюл\w*)\b",
        # стрибнути з мосту, даху, вікна
        r"\b(?:стриб\w*|скоч\w*|зістриб\w*|кинут\w*|кинусь|вистрибн\w*)\W+(?:\w+\W+){0,2}?(?:з|із"
        r"|зі|в|у|на)\W+(?:\w+\W+)?(?:мосту|даху|вікна|балкон\w*|висотк\w*|поверх\w*|скелі"
        r"|обрив\w*)\b(?!\W+(?:в|у)\W+(?:річку|воду|озеро|море)\b)",
        r"\b(?:прыг\w*|спрыг\w*|броси\w*|брошусь|выпрыг\w*)\W+(?:\w+\W+){0,2}?(?:с|со|из|в|на)\W+"
        r"(?:\w+\W+)?(?:моста|крыши|окна|балкон\w*|высотк\w*|этаж\w*|скалы|обрыв\w*)\b(?!\W+(?:в"
        r"|у)\W+(?:реку|воду|озеро|море)\b)",
        # кинутися під поїзд, лягти під машину
        r"\b(?:кинут\w*|кинусь|кидатися|броси\w*|брошусь|лягти|лечь|ляжу|лягу|стриб\w*|прыг\w*"
        r"|хочу|хочеться|хочется|хотіла?|думаю|піду|пойду)\W+(?:\w+\W+)?(?:під|под)\W+(?:потяг\w*"
        r"|поїзд\w*|поезд\w*|машину|електричк\w*|электричк\w*|вантажівку|грузовик|трамвай|метро)\b",
        r"\b(?:думаю|думала?|думав|хочу|хочеться|хотілось)\W+(?:\w+\W+)?(?:кинутися|кинутись"
        r"|стрибнути|броситься|прыгнуть)\b(?!\W+(?:на\W+допомогу|в\W+обійми|до|к)\b)",
        r"\bу\W+мене\W+(?:\w+\W+){0,3}?(?:є|есть)\W+(?:\w+\W+)?(?:мотузка|веревка|петля|пістолет"
        r"|рушниця)\b",
        r"\b(?:хочу|хочеться|хочется|думаю|готов\w*)\W+(?:\w+\W+)?(?:стрибнути|стрибати|прыгнуть"
        r"|скочити|зістрибнути|спрыгнуть)\b(?=\W*$|\W*[.!?,;])|\bстою\W+(?:\w+\W+)?на\W+(?:мосту"
        r"|даху|краю|крыше|мосту)\b",
        r"\b(?:хочу|хочеться|хочется|думаю)\W+(?:\w+\W+)?(?:розбитися|разбиться)\b|\b(?:в|у)\W+"
        r"(?:море|воду|річку|реку)\W+(?:\w+\W+)?(?:і|и)\W+не\W+(?:повернутися|вернуться|виходити)"
        r"\b",
        # повіситися, повеситься, мотузка, застрелитися
        r"\b(?:пов[іие]с[иі]т(?:ися|ись|ься|ся)|пов[іе]ш(?:уся|усь)|віша(?:тися|тись|юсь|юся)|веша"
        r"(?:ться|юсь)|пов[іе]сил(?:ась|ася|ся))\b",
        r"\b(?:купил\w*|купила|купив|куплю|знайшл\w*|знайшов|приготувал\w*|сховал\w*|спрятал\w*)"
        r"\W+(?:\w+\W+)?(?:мотузк\w*|мотузок|веревк\w*|петл\w*)\b(?!\W+(?:для|на|щоб\W+сушити)\b)",
        r"\b(?:мотузка|мотузку|веревка|веревку|петля|петлю)\b(?!\W+(?:для|на|до)\W)\W+(?:\w+\W+)"
        r"{0,3}?(?:готова|готову|приготована|приготовлена|зав'?язана|завязана|висить|висит)\b(?!"
        r"(?:\W+\w+){0,3}?\W+(?:білизн\w*|бель\w*|гойдалк\w*|качел\w*|намет\w*|палатк\w*|вузл\w*"
        r"|узл\w*|урок\w*)\b)",
        # "я більше не можу, ... все закінчу": can't go on, then ending it all
        r"\b(?:(?:більше|больше)\W+не\W+(?:можу|могу)|не\W+(?:можу|могу)\W+(?:більше|больше)|сил"
        r"\W+(?:більше\W+|больше\W+)?(?:немає|нема|нет))\W+(?:\w+\W+){0,6}?(?:все|усе|всё)\W+"
        r"(?:це\W+|это\W+)?(?:закінчу|скінчу|покінчу|закончу|кончу|припиню|прекращу)\b"
        r"(?=\W*$|\W*[.!?,;])",
        r"\bзастрел\w*(?:ся|сь)\b|\b(?:пустит\w*|пущу|вистрілит\w*|выстрел\w*)\W+(?:\w+\W+)?"
        r"(?:собі\W+|себе\W+|себі\W+)?(?:кулю|пулю)\W+(?:в|у)\W+(?:лоб|скроню|висок|голову|рот)\b",
        r"\b(?:хочу|хочеться|хочется|думаю|хотіла?|хотела?|планую)\W+(?:\w+\W+)?(?:отру[іи]т\w*"
        r"|отрав\w*)(?:ся|сь)\b",
        # безнадія: не бачу виходу, єдиний вихід
        r"\b(?:не\W+бачу|не\W+вижу|немає|нема|нет|не\W+знаходжу|не\W+нахожу)\W+(?:\w+\W+)?"
        r"(?:іншого\W+|другого\W+)?(?:виходу|выхода)\b(?!\W+(?:з\W+(?:цієї|цього)\W+(?:черги"
        r"|будівлі))\b)",
        r"\b(?:єдиний|единственный)\W+(?:\w+\W+)?(?:вихід|выход)\b(?!\W+(?:з\W+будівлі|из"
        r"\W+здания)\b)",
        # намір, прощання
        r"\b(?:вночі|ночі|ночью|ноччю)\W+(?:\w+\W+){0,2}?(?:це|это)\W+(?:зроблю|сделаю)\b|\b(?:це"
        r"|это)\W+(?:зроблю|сделаю)\W+(?:\w+\W+)?(?:вночі|ночью)\b",
        r"\b(?:прощальн\w*|передсмертн\w*|предсмертн\w*)\W+(?:\w+\W+)?(?:лист\w*|записк\w*"
        r"|письм\w*|повідомлен\w*|сообщен\w*|відео|видео)\b",
        r"\b(?:останн\w*|последн\w*)\W+(?:\w+\W+)?(?:повідомлен\w*|сообщени\w*)\W+(?:\w+\W+){0,3}?"
        r"(?:прощавайте|прощайте|прощай|бувайте|вибачте|простите|пробачте)\b|\bпрощ\w*\W+назавжди"
        r"\b",
        # насильство вдома: мене б'є, бьет меня, вдарив, побив, душив
        r"\b(?:мене|меня|нас)\W+(?:\w+\W+)?(?:б'?є|бье|бь[ею]т|б'?ють|бил[аи]?|бив|вдарив"
        r"|ударил\w*|вдарил\w*|побив|побил\w*|избива\w*|избил\w*|лупить|гамселить)\b(?!\W+(?:коли"
        r"\W+(?:ми\W+)?гра\w*|іграшк\w*|игрушк\w*|м'?ячем|мячом|випадково|случайно|дрож\w*|озноб"
        r"|струм\w*|[ву]\W+(?:шахи|карти|гру|игру))\b)",
        r"\b(?:мене|меня)\W+(?:\w+\W+)?(?:душив|душила|душит|душить|задушит\w*|штовха\w*|толкает"
        r"|толкнул\w*|штовхнув|ґвалтува\w*|гвалтува\w*|изнасил\w*|катує|знуща\w*|издевает\w*)\b(?!"
        r"\W+(?:сміх|смех|кашель|образа|сльози|слезы|жаба)\b)",
        r"\b(?:б'?є|бьет|б'?ють|бьют|вдарив|ударил|побив|побил|избивает|избил|душив|душил)\W+"
        r"(?:\w+\W+)?(?:мене|меня|нас)\b(?!\W+(?:коли\W+(?:ми\W+)?гра\w*|м'?ячем|мячом|випадково"
        r"|случайно|в\W+(?:шахи|карти))\b)",
        # погрози: погрожував мене вбити, вб'є мене, якщо я піду
        r"\b(?:погрожу\w*|погрожува\w*|угрожа\w*|пригрозив|пригрозил\w*|погрозив)\W+(?:\w+"
        r"\W+){0,2}?(?:вбити|убити|убить|вб'?є|уб'?є|убьет|вб'?ю|вбить|зарізати|зарезать|задушити"
        r"|задушить|застрелити|застрелить|побити|избить|прибити|прибить)\b",
        r"\bзнуща\w*\W+(?:з|над)\W+(?:мене|нами)\b|\bиздева\w*\W+(?:надо\W+мной|над\W+нами)\b|\bя"
        r"\W+(?:його|его)\W+бо[юя]\w*\b",
        r"\b(?:погрожу\w*|угрожа\w*)\W+(?:\w+\W+){0,2}?(?:скривдити|покалічити|зробити\W+боляче"
        r"|нашкодити|обидеть|покалечить|навредить)\b",
        r"\b(?:схопив|схопила|хапав|хапає|тримав|стискав|схватил|хватал|держал|сжимал)\W+(?:мене"
        r"|меня)\W+за\W+(?:горло|шию|шею)\b",
        r"\b(?:ніж|нож|пістолет|пистолет|зброю|оружие)\W+(?:\w+\W+){0,2}?(?:до|к|у)\W+(?:\w+\W+)?"
        r"(?:горла|горлу|голови|голове|скроні|виска|шиї|шее)\b|\b(?:штовхнув|штовхнула|скинув"
        r"|скинула|толкнул|столкнул|сбросил)\W+(?:мене|меня)\W+(?:\w+\W+)?(?:зі|з|с|со)\W+"
        r"(?:сходів|лестницы)\b",
        r"\b(?:якщо|если|коли)\W+(?:я\W+)?(?:піду|уйду|скажу|розкажу|расскажу|кину|брошу|втечу"
        r"|убегу)\W+(?:\w+\W+){0,4}?(?:вб'?є|уб'?є|убьет|приб'?є|прибьет)\W+(?:мене|меня)\b",
        r"\b(?:бо[юя]\w*|страшно|лякаюсь)\W+(?:\w+\W+){0,5}?(?:вб'?є|уб'?є|убьет|приб'?є"
        r"|покалічить|поб'?є|изобьет)\b",
        r"\b(?:каже|казав|сказав|сказала|говорить|кричить|говорит|сказал|кричит)\W+(?:що|что|шо)"
        r"\W+(?:\w+\W+)?(?:вб'?є|уб'?є|убьет|приб'?є|заріже|зарежет)\W+(?:мене|меня)\b",
        r"\b(?:вб'?є|уб'?є|убьет|приб'?є|прибьет|заріже|зарежет)\W+(?:\w+\W+)?(?:мене|меня)\W+"
        r"(?:\w+\W+)?(?:якщо|если|коли|когда)\W+(?:я\W+)?(?:піду|уйду|скажу|розкажу|расскажу"
        r"|подзвоню|позвоню|заявлю|кину|брошу|розлучус\w*|разведус\w*|втечу|убегу)\b",
        r"\b(?:мене|меня)\W+(?:\w+\W+)?(?:вб'?є|уб'?є|убьет|приб'?є|прибьет|заріже|зарежет)\W+"
        r"(?:\w+\W+)?(?:якщо|если|коли|когда)\W+(?:я\W+)?(?:піду|уйду|скажу|розкажу|расскажу"
        r"|подзвоню|позвоню|заявлю|кину|брошу|розлучус\w*|разведус\w*|втечу|убегу)\b",
        r"\b(?:якщо|если|коли)\W+(?:я\W+)?(?:піду|уйду|скажу|розкажу|расскажу|подзвоню|позвоню"
        r"|заявлю|кину|брошу|втечу|убегу)\W+(?:\w+\W+){0,3}?(?:мене|меня)\W+(?:вб'?є|уб'?є|убьет"
        r"|приб'?є|прибьет)\b",
        r"\b(?:погрожу\w*|угрожа\w*|зброя|зброю|пістолет\w*|ніж|нож\w*|оружие)\W+(?:\w+\W+){0,5}?"
        r"(?:проти\W+мене|против\W+меня)\b",
        r"\b(?:він|вона|чоловік|муж|хлопець|парень|батько|отец|тато|папа|мама|мати|вітчим|отчим"
        r"|партнер)\W+(?:\w+\W+)?(?:робить|делает|завдає)\W+мені\W+(?:\w+\W+)?(?:боляче|больно"
        r"|біль|боль)\b",
        # боюся йти додому, вдома не почуваюся в безпеці, боюся свого чоловіка
        r"\b(?:бо[юя]\w*|страшно|лякаюсь|боязно)\W+(?:\w+\W+){0,2}?(?:йти|іти|идти|їхати|ехать"
        r"|повертатися|повертатись|вертатися|возвращаться|вернуться|повернутися|приходити"
        r"|приходить)\W+(?:\w+\W+)?(?:додому|домой|до\W+дому|до\W+хати|(?:в|у)\W+квартиру|назад)\b"
        r"(?!\W+(?:пізно|поздно|вночі|ночью|одна|сама)\b)",
        r"\bне\W+(?:\w+\W+)?(?:почуваю\w*|відчуваю\W+себе|чувствую\W+себя)\W+(?:\w+\W+)?(?:в"
        r"\W+безпеці|в\W+безопасности|безпечно|безопасно)\W+(?:\w+\W+)?(?:вдома|дома|удома)\b",
        r"\b(?:вдома|дома|удома)\W+(?:\w+\W+){0,2}?не\W+(?:\w+\W+)?(?:почуваю\w*|відчуваю"
        r"|чувствую)\W+(?:\w+\W+)?(?:в\W+безпеці|в\W+безопасности|безпечно|безопасно)\b",
        r"\b(?:бо[юя]\w*|лякаюсь)\W+(?:(?:свого|своєї|своего|своей|мого|моєї|моего|моей)\W+)?"
        r"(?:чоловіка|мужа|хлопця|парня|батька|отца|вітчима|отчима|партнера|колишнього|бывшего)\b|"
        r"\bбо[юя]\w*\W+(?:його|его)\b(?=\W*$|\W*[.!?,;]|\W+(?:і|и|бо|тому|потому)\b)",
        # транслітом
        r"\b(?:hochu|khochu|hochy)\W+(?:\w+\W+)?(?:pomerty|pomerti|vmerty|umerty|umeret|sdohnut"
        r"|zdohnuty)\b|\bne\W+(?:hochu|khochu)\W+(?:\w+\W+)?(?:zhyty|zhiti|zhit|zhyt)\b|\b(?:vbyty"
        r"|ubyty|ubit|vbiti|ubiti)\W+seb(?:e|ya|ia)\b",
    ),
}

DEFAULT_EXCLUSIONS: dict[str, tuple[str, ...]] = {
    "en": (
        # "killed myself laughing", "beat myself up", "shot myself in the foot"
        r"\bkill(?:ed|ing)?\W+m[yi]\W?self\W+(?:laughing|laughin|with\W+laughter)\b",
        r"\bbeat(?:ing|s)?\W+m[yi]\W?self\W+up\b|\bshot\W+m[yi]\W?self\W+in\W+the\W+foot\b|"
        r"\bdrown\w*\W+m[yi]\W?self\W+in\W+(?:work|paperwork|coffee|books|chocolate|studies)\b",
        # accidents: "cut myself shaving", "burned myself on the stove", "hurt myself at the gym"
        r"\b(?:hurt|harm|cut|burn|burnt|burned|hit|bang|bruis|scratch|stab|slic)\w*\W+m[yi]\W?self"
        r"\W+(?:\w+\W+){0,2}?(?:while|by\W+accident|accidentally|shaving|cooking|chopping|playing"
        r"|falling|running|lifting|training)",
        r"\b(?:hurt|harm|cut|burn|burnt|burned|hit|bang|bruis|scratch|stab|slic)\w*\W+m[yi]\W?self"
        r"\W+(?:on\W+(?:the|a)\W+(?:stove|oven|iron|pan|door|table|cupboard|nail|glass|corner"
        r"|stairs|ice|bike)|in\W+the\W+(?:kitchen|garden|sun)|at\W+(?:the\W+)?(?:gym|work))",
        r"\baccident\w*\W+(?:\w+\W+)?(?:hurt|cut|burn\w*|hit|stab\w*)\W+m[yi]\W?self\b",
        # "want to die of embarrassment", "I'd rather die than ..."
        r"\b(?:want|wanna|wanted)\W+(?:to\W+)?die\W+(?:of|from)\W+(?:embarrassment|shame|boredom"
        r"|laughter|cringe|cuteness)\b|\brather\W+die\W+than\b",
        # films, news, training about suicide; "suicide squad", "suicide bomber"
        r"\bsuicid\w*\W+(?:prevention|awareness|statistics|rates?|squad|forest|bomb\w*|mission"
        r"|attack|doors?|training|research)\b",
        r"\b(?:film|movie|documentary|book|novel|series|show|episode|article|podcast|song|lecture"
        r"|class|course|training|seminar|workshop|news)\W+(?:\w+\W+){0,3}?(?:about|on)\W+(?:\w+"
        r"\W+){0,2}?suicid\w*",
        # "kms" as kilometres; "hit me up"
        r"\b\d+(?:[.,]\d+)?\W*kms\b|\bkms\W+(?:away|from|to|per|a\W+day|an\W+hour|long|drive|walk"
        r"|run|ride)\b|\bhit\w*\W+me\W+up\b",
        r"\b(?:\w+\W+){0,3}?(?:hit|chok)\w*\W+me\W+up\b",
        r"\bhit\W+me\W+(?:with\W+(?:a|the|her|his)\W+(?:pillow|ball|toy|snowball|balloon)|by"
        r"\W+accident|accidentally|playfully)\b",
        r"\b(?:a|the|some|this)\W+(?:man|woman|guy|girl|boy|person|teen\w*|student|someone|kid"
        r"|lad)\W+(?:\w+\W+)?jump\w*\W+(?:off|from)\W+(?:\w+\W+){0,2}?(?:bridge|roof|building"
        r"|balcony|cliff|tower)\b",
        r"\b(?:film|movie|documentary|book|article|news|series|show|report|podcast|training"
        r"|course)\W+(?:\w+\W+){0,3}?(?:about|on)\W+(?:\w+\W+){0,2}?(?:self\W*harm\w*|overdos\w*)"
        r"\b",
        r"\boverdos\w*\W+(?:crisis|epidemic|deaths?|statistics|rates?|prevention|awareness"
        r"|training|kits?|reversal|unit|ward|clinic|team|service|centre|center)\b",
        r"\boverdos\w*\W+on\W+(?:coffee|caffeine|sugar|chocolate|candy|sweets|tv|netflix|work|love"
        r"|cuteness|memes|carbs)\b",
        r"\bcut\W+m[yi]self\W+(?:a|an|some|another)\W+(?:\w+\W+)?(?:slice|piece|bit|chunk)\b",
    ),
    "es": (
        # "se me cortó la llamada", "me corto el rollo"
        r"\bse\W+me\W+cort\w*",
        r"\b(?:(?:quiero|kiero|me\W+quiero|voy\W+a|me\W+voy\W+a)\W+)?(?:morir(?:me)?|muero"
        r"|muriendo|mori)\W+de\W+(?:la\W+)?(?:risa|verguenza|ganas|hambre|sed|calor|frio|sueno"
        r"|aburrimiento|amor|miedo|envidia|pena|cansancio)\b",
        r"\bme\W+(?:\w+\W+)?cort\w*\W+(?:\w+\W+){0,3}?(?:cocinando|pelando|afeitando\w*|picando|en"
        r"\W+la\W+cocina)\b",
        r"\bme\W+(?:\w+\W+)?cort\w*\W+(?:con\W+(?:un\W+|una\W+)?(?:papel|folio|hoja|lata)"
        r"|cocinando|pelando|afeitandome|afeitando|sin\W+querer)\b",
        # tercera persona: "el examen me mató", "mi jefe me mató"
        r"\b(?:el|la|los|las|mi|tu|su|este|esta|ese|esa)\W+\w+\W+(?:\w+\W+)?me\W+mato\b",
        # noticias y películas: "atentado suicida", "escuadrón suicida", "prevención del suicidio"
        r"\b(?:atentado|ataque|terrorista|bomba|mision|comando|escuadron)\W+suicida\b",
        r"\bsobredosis\W+de\W+(?:cafe|cafeina|azucar|chocolate|series|trabajo|amor|memes)\b",
        r"\bse\W+suicid(?:a|o|aron|an|ara|aba)\b",
        r"\b(?:prevencion|prevenir|campana|charla|taller|dia\W+mundial|documental|pelicula|peli"
        r"|libro|serie|noticia|articulo)\W+(?:\w+\W+){0,3}?(?:el\W+|la\W+|del\W+|de\W+|sobre"
        r"\W+)?suicid\w*",
        # "me mato trabajando / a estudiar"
        r"\bme\W+mato\W+(?:trabajando|estudiando|a\W+(?:trabajar|estudiar|entrenar))\b",
    ),
    "de": (
        # "bist du lebensmüde?" (du, nicht ich)
        r"\b(?:bist|seid|ist|sind)\W+(?:du|ihr|der|die|er|sie)\W+(?:\w+\W+)?lebensmu(?:e)?de\b",
        # beim Spiel geschlagen; beim Kochen geschnitten
        r"\bmich\W+(?:\w+\W+){0,2}?(?:beim|bei|im|in)\W+(?:schach|tennis|tischtennis|badminton"
        r"|\w*spiel\w*|karten|fussball|rennen|memory|uno|monopoly|fifa|poker|skat|kniffel|bowling"
        r"|golf|wettlauf\w*)\W+(?:\w+\W+)?geschlagen\b",
        r"\bmich\W+(?:\w+\W+){0,1}?beim\W+\w+\W+(?:\w+\W+)?(?:geschnitten|verletzt|verbrannt)\b",
        # Nachrichten: Selbstmordattentat, Suizidprävention
        r"\bselbstmord(?:attent|anschlag|kommando|bomb)\w*|\bsuizid(?:pr(?:a|ae)vention|rate"
        r"|forschung)\w*",
        r"\bu(?:e)?berdosis\W+(?:an\W+)?(?:koffein|kaffee|zucker|schokolade|arbeit|liebe|serien)\b",
        # "jemanden um den Schlaf bringen"
        r"\bbring\w*\W+mich\W+um\W+(?:den|meinen)\W+(?:schlaf|verstand)\b",
        r"\b(?:buch|film|serie|doku\w*|artikel|nachrichten|roman|krimi|podcast|vortrag|fortbildung"
        r"|schulung|bericht|reportage)\W+(?:\w+\W+){0,4}?(?:suizid\w*|selbstmord\w*)",
        r"\b(?:von|vom)\W+(?:der\W+|dem\W+)?(?:br(?:u|ue)cke|klippe|felsen|steg)\W+(?:\w+"
        r"\W+){0,2}?(?:ins\W+(?:wasser|meer)|in\W+(?:den|die)\W+(?:see|fluss|wellen))\W+(?:\w+"
        r"\W+)?gesprungen\b",
        r"\b(?:chef\w*|lehrer\w*|mutter|mama|oma|opa)\W+(?:\w+\W+)?(?:wird|bringt)\W+mich\W+(?:\w+"
        r"\W+)?(?:umbringen|um)\b",
    ),
    "uk": (
        # "хоч вішайся" (приказка)
        r"\bхоч\W+(?:\w+\W+)?(?:віша\w*|веша\w*)",
        # новини: профілактика самогубств, теракт смертника
        r"\b(?:профілактик\w*|профилактик\w*|запобіган\w*|статистик\w*|новин\w*|фільм\w*|фильм\w*"
        r"|книг\w*|серіал\w*|сериал\w*)\W+(?:\w+\W+){0,2}?(?:про\W+|о\W+)?(?:самогуб\w*"
        r"|самоубий\w*|суіцид\w*|суицид\w*|передоз\w*)",
        r"\bпередоз\w*\W+(?:кав\w*|кофе\w*|цукр\w*|сахар\w*|шоколад\w*|серіал\w*|сериал\w*)",
        # "випадково порізала руку"
        r"\b(?:випадково|случайно|ненароком)\W+(?:\w+\W+)?(?:по)?р[іие][жз]\w*\W+(?:\w+\W+)?"
        r"(?:руку|руки|себе)\b",
        r"\bпор[іие]зал\w*\W+(?:руку|палець|пальця|ногу)\W+(?:об|о|папером|бумагой|склом|стеклом)"
        r"\b",
        r"\bпор[іие]зал\w*\W+(?:\w+\W+){0,2}?(?:коли|поки|як|когда|пока)\W+(?:\w+\W+)?"
        r"(?:готувал\w*|різал\w*|чистил\w*|готовил\w*|резал\w*|голил\w*|брил\w*)",
    ),
}
