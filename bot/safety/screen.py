"""Crisis / emergency / dose-request screen, run on EVERY inbound message.

    screen_message(text) -> ScreenResult(kind, rules)

kind is "crisis", "emergency", "dose_request" or "none"; when several match,
crisis > emergency > dose_request.  ``rules`` lists the ids of every rule that
fired, highest-priority kind first (so a crisis message that also mentions
chest pain carries both ids).

Rule ids
    crisis.suicidal_ideation   explicit and indirect wishes to die / not wake up,
                               "better off without me", "no point living", kms...
    crisis.self_harm           cutting / burning / hurting oneself on purpose
    crisis.overdose            overdose intent, "how many pills would it take",
                               "take all my pills", stockpiling, lethal dose
    emergency.*                see bot.safety.redflags (same ids as triage)
    dose_request.amount        how much / how many / what dose / max dose / "600mg"
    dose_request.change        can I double / up / stop / skip / come off / take extra...

Design choices (cautious):
  * Crisis rules ignore negation ("I'm not suicidal but..." still gets the
    caring crisis reply): a false alarm costs a kind message, a miss costs
    far more.  Specific exclusions keep figures of speech quiet ("dying to",
    "killing me", "dead tired", "rather die than go to zumba"...), because
    crisis patterns only match self-directed, intent-shaped phrases.
  * Emergency rules honour negation ("no chest pain").
  * Dose requests need a medicine word (or "dose"/"mg") and a question or
    request shape; mentioning a medicine ("I forgot my pregabalin") is not a
    request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.safety import other_languages
from bot.safety.redflags import emergency_rules
from bot.safety.textmatch import compile_all, gap, normalise, sentence_of

G2, G3, G4 = gap(2), gap(3), gap(4)


@dataclass(frozen=True)
class ScreenResult:
    kind: str  # "none" | "crisis" | "emergency" | "dose_request"
    rules: tuple[str, ...] = ()

    @property
    def urgent(self) -> bool:
        return self.kind in ("crisis", "emergency")


NONE = ScreenResult("none", ())

# ---------------------------------------------------------------- crisis
ANYMORE = r"(?:any ?more|any longer|now|again|ever)"
LIVE_OBJ = (
    r"(?:living|life|live|going on|carrying on|keep(?:ing)? going|being alive|being here|existing|"
    r"exist|trying any ?more|anything|it all|everything|me|waking up|getting up any ?more)"
)
_SUICIDAL = compile_all(
    [
        r"\bsuicid\w*",
        r"\bkill(?:ing|ed)?\s+(?:my ?self|me ?self)\b",
        # someone else's words passed on: "she wants to kill herself", "he's talking about killing himself"
        r"\b(?:want|wants|wanted|going|gonna|trying|tried|threaten\w*|talk\w* about|plann\w*|said|says)\s+(?:to\s+)?"
        r"kill(?:ing)?\s+(?:herself|himself|themselves|themself)\b",
        r"\bk\.?m\.?s\b",
        r"\bunalive\w*",
        r"\bend(?:ing|ed)?\s+(?:my|it|this|me)\s+(?:own\s+)?(?:life|lives|all)\b",
        r"\b(?:want|wanted|wanting|going|planning|plan|ready|tempted|decided|thinking|think|thought|considering|"
        r"about|could|should|might|will|i'll|just|feel like|felt like|urge|need)\s+(?:to\s+|of\s+|about\s+)?(?:just\s+)?"
        r"end(?:ing)?\s+(?:it|things|everything|this|my suffering|the pain for good)\b(?!\s+(?:with|early|there|here|off|now with))",
        r"\b(?:take|taking|took|end|ending)\s+(?:my|his|her)\s+(?:own\s+)?life\b",
        r"\b(?<!don't )(?<!do not )(?<!never )(?<!didn't )(?:want|wants|wanted|wanting|wish|wishing|ready|prefer|like|need)\s+"
        r"(?:to\s+)?(?:just\s+)?(?:die|be dead|not exist|stop existing|cease to exist)\b",
        r"\bwish(?:ed|es|ing)?\s+(?:that\s+)?i\s+(?:was|were|could be|'d be|would be|had)\s+(?:dead|gone|never born|not here|not alive|not born)",
        r"\bwish(?:ed|es|ing)?\s+(?:that\s+)?i\s+(?:could\s+)?(?:just\s+)?(?:die|disappear|not exist|stop existing)\b",
        r"\b(?:better off|happier|easier|be fine|be better|be relieved)\s+(?:\w+\s+)?(?:dead|without me|if i\s+(?:was|were|wasn't|weren't|'m|am)\s+"
        r"(?:gone|dead|here|around|alive|not here|not around))",
        r"\b(?:miss|notice|care|matter)\s+(?:\w+\s+)?if\s+i\s+(?:was|were|'m|am|died|disappeared|wasn't here|weren't here|went)\s*(?:gone|dead|away for good)?\b",
        r"\bif\s+i\s+(?:was|were)\s+(?:dead|gone)\b(?!\s+(?:for|on|away|to|out))",
        r"\b(?:don't|do not|didn't|no longer|never)\s+(?:really\s+)?want\s+to\s+(?:be\s+(?:here|alive|around|in this world)|live|exist|"
        r"go on|carry on|keep going|be on this earth|wake up\s+" + ANYMORE + r")",
        r"\b(?:don't|do not)\s+want\s+to\s+(?:be\s+)?(?:here|alive)\s+" + ANYMORE,
        r"\b(?:no|zero|any)\s+(?:point|reason|sense|purpose)\s+(?:in\s+|of\s+|to\s+|for\s+)?(?:me\s+)?(?:living|life|going on|carrying on|keep(?:ing)? going|"
        r"being alive|being here|existing|anything|it all|staying alive|waking up|to live|to go on)\b",
        r"\bpoint\s+(?:of|in|to)\s+(?:me\s+)?(?:living|going on|carrying on|being alive|being here|existing|life|staying alive|keeping going)\b",
        r"\b(?:what'?s|what 's|what is|see no|don't see|do not see|can't see|cannot see)\s+(?:even\s+)?(?:the\s+|a\s+|any\s+)?point\s+(?:of\s+|in\s+)?"
        r"(?:anything|it all|everything|me|trying|even trying|going on|any ?more)\b",
        r"\b(?:don't|do not|can't)\s+see\s+(?:the\s+|any\s+)?point\s*(?:any ?more|now)?\s*(?:$|[.,!?;])",
        r"\b(?:can't|cannot|can not)\s+(?:go on(?!\s+(?:the|a|an|my|our|his|her|that|this|holiday|with|to|for|walks?|trips?|rides?|"
        r"as planned|today|tonight|tomorrow|outings?|the bus|the train|long)\b)|carry on(?!\s+(?:with|walking|cycling|swimming|the|my))|keep going(?!\s+(?:with|to|on))|keep living|do this any ?more|take (?:it|this|any) ?more|"
        r"cope any ?more|live like this|take much more|bear it any ?more|do it any ?more)\b",
        r"\b(?:nothing|no one|nobody|nothing left|no reason|not much)\s+(?:left\s+)?to\s+live\s+for\b",
        r"\bnot\s+worth\s+living\b",
        # no more of it to be borne ("can't do another year", "can't face one more winter of this")
        r"\b(?:can't|cannot|couldn't|won't)\s+(?:do|face|take|survive|handle|bear|stand|manage|live)\s+(?:another|one more)\s+"
        r"(?:\d+\s+|single\s+)?(?:day|days|week|weeks|month|months|year|years|winter|winters|christmas|night|nights|decade)\b"
        r"(?!\s+(?:at|in|with|on|of)\s+(?!this\b|it\b|life\b|living\b|pain\b|the pain\b))",
        r"\bend\s+of\s+the\s+(?:road|line)\s+for\s+me\b|\bby\s+my\s+own\s+hand\b",
        # a method tried on oneself ("attempted to drown myself last month")
        r"\b(?:attempt\w*|tried|trying|try|going|want\w*|planning|plan)\s+to\s+(?:drown|hang|gas|poison|electrocute|suffocate|"
        r"strangle|shoot|stab|overdose|smother|starve)\s+(?:my ?self|meself|himself|herself)\b(?!\s+(?:out|up|in the foot)\b)",
        r"\b(?:so\s+)?(?:sick|tired)\s+of\s+(?:waking up|breathing|being me|existing)\b"
        r"(?=\s*(?:$|[.,!?;]|any ?more|again|every (?:day|morning)))",
        # how fast or how high would be fatal, asked without the word
        r"\b(?:what|which|how)\s+(?:speed|height|fall|floor|storey|fast|high|deep|cold)\b[^.!?]{0,60}\b(?:kills?\s+(?:you|a person|"
        r"someone|me|people)|be fatal|be lethal|die instantly|kill you instantly|to die|you die)\b",
        # precious things handed over "for safe keeping"
        r"\b(?:gave|given|giving|handed|handing)\s+(?:me|us|my \w+|her \w+|his \w+)\s+(?:her|his|their|my)\s+(?:\w+\s+)?"
        r"(?:ring|rings|watch|jewellery|jewelry|medals|necklace|bible|guitar|savings|bank card|pin)\b[^.!?]{0,60}"
        r"\b(?:safe ?keeping|keep it|have it|won't need|wont need|for after|look after it|when i'?m gone|when she'?s gone|"
        r"when he'?s gone)\b",
        r"\b(?:life|living|my life|it all)\s+(?:is\s+|'s\s+)?(?:isn't|not|is not|ain't|no longer|never)\s+(?:really\s+)?worth\s+(?:it|living)\b",
        r"\b(?:tired|sick|weary|exhausted)\s+of\s+(?:living|life|being alive|existing|being here|this life|my life)\b",
        r"\bdone\s+with\s+(?:life|living|being alive|it all|existing|this life|my life|everything and everyone)\b",
        r"\bgiv(?:e|ing|en)\s+up\s+on\s+(?:life|living|myself|everything|it all)\b",
        r"\bwant\s+(?:it|this|everything|it all|my life|the pain|life)\s+(?:all\s+)?to\s+(?:end|be over|stop for good|stop forever|finish)\b",
        r"\bhate\s+(?:my\s+)?(?:life|being alive)\b.{0,40}\b(?:over|end|die|dead|gone|disappear)\b",
        r"\b(?:wish|wishing|hope|hoping|pray|praying)\w*\s+(?:that\s+)?i\s+(?:don't|do not|won't|will not|wouldn't|would not|didn't|never|"
        r"dont|could not|couldn't)\s+(?:ever\s+)?wake\s+up\b",
        r"\b(?:don't|do not|didn't)\s+want\s+to\s+wake\s+up\s+(?:any ?more|again|ever|tomorrow|at all)\b",
        r"\b(?:sleep|asleep|go to sleep|went to sleep|bed)\s+and\s+(?:never|not|don't|didn't)\s+wake\s+(?:up)?\b",
        r"\bnever\s+(?:ever\s+)?wake\s+up\b",
        r"\bnot\s+(?:to\s+)?wake\s+up\s+(?:again|ever|any ?more)\b",
        r"\bto\s+not\s+wake\s+up\b",
        r"\bsleep\s+forever\b|\beternal sleep\b",
        r"\bdisappear\s+(?:forever|for good|permanently|for ever)\b",
        r"\b(?:won't|will not|wouldn't|shan't|not going to|not gonna|not)\s+be\s+(?:here|around|alive)\s+(?:much\s+|for\s+)?(?:longer|any ?more|for long|tomorrow|next week|by)\b",
        r"\b(?:thought|thinking|think|planned|planning|plan|worked out|working out|decided|figured out|researched|know)\s+(?:about\s+|out\s+)?"
        r"(?:how|when|where|exactly how)\s+(?:i(?:'d| would| could| will|'ll| 'd| 'll| might)|to)\s+do\s+it\s*(?:$|[.,!;])",
        r"\b(?:ways|way|how|methods?)\s+to\s+(?:die|kill myself|end it|end my life|commit|do it painlessly|go painlessly)\b",
        r"\b(?:goodbye|suicide|farewell)\s+(?:letter|note|message|video)s?\b",
        r"\bwr(?:ote|itten|iting)\s+(?:my\s+)?(?:a\s+)?(?:will and\s+)?goodbye",
        r"\b(?:jump(?:ing|ed)?|throw(?:ing)? myself|threw myself)\s+(?:off|from|in front of|under)\b"
        r"(?!\s+(?:the|a|that|my|our)\s+(?:bottom|last|first|low|little|kitchen)?\s*(?:steps?|stairs?|kerb|curb|bed|sofa|couch|chair|bus|"
        r"horse|bike|trampoline|box|stool|back of|tailgate|ute|truck|van|trailer|tractor|wall|fence|swing|diving board|"
        r"springboard|ladder|step ?ladder|platform at the gym|bench|bleachers|stage|bottom step|boat into)\b)",
        r"\b(?:step(?:ping|ped)?|walk(?:ing|ed)?|lie|lying|lay|laying|jump(?:ing)?)\s+(?:out\s+)?in front of\s+(?:a|the|an)\s+(?:train|bus|car|lorry|truck|tram)\b",
        r"\bdriv\w*\s+(?:my car\s+|the car\s+)?(?:into|off)\s+(?:a|the)\s+(?:wall|tree|bridge|cliff|river|lake|sea|motorway)\b",
        r"\bhang(?:ing|ed)?\s+myself\b(?!\s+(?:up|out)\s+(?:on the (?:washing )?line|to dry))",
        r"\b(?:slit|slash|cut)\w*\s+my\s+wrists?\b",
        r"\brather\s+(?:be\s+)?dead\b(?!\s+than)",
        r"\brather\s+(?:just\s+)?(?:be\s+dead|die)\s+than\s+(?:live|living|go on|going on|carry on|carrying on|keep|keeping|be in|being in|feel|feeling|"
        r"suffer|suffering|have|having|spend|face|facing|deal|dealing|put up|exist|wake)\b",
        r"\b(?:will|desire|reason)\s+to\s+live\b",
        r"\bburden\b.{0,60}\b(?:gone|dead|without me|better off|happier|end)\b",
        r"\bsewer\s*slide\b",
        r"\b(?:said|saying|say|written|wrote|writing)\s+(?:all\s+)?(?:my\s+)?goodbyes?\b(?!\s+(?:to (?:the|my) (?:old|physio|gp|doctor|class|job|house)))",
        r"\b(?:giv(?:e|ing|en)|gave)\s+away\s+(?:all\s+)?(?:my|his|her)\s+(?:things|stuff|belongings|possessions)\b",
        r"\b(?:put|putting|sorted|sorting|getting)\s+(?:my\s+)?affairs\s+in\s+order\b",
        r"\b(?:way out|escape|relief|answer|option|solution|end to (?:this|it))\b[^.!?]{0,30}\b(?:dying|death|to die|be dead|being dead|is to die)\b",
        r"\b(?:except|other than|apart from|besides|only by)\s+(?:by\s+)?(?:dying|death|killing myself|ending it)\b(?!\s+(?:to|for|of|laughing))",
        r"\bend\s+it\s+all\b",
        # putting affairs in order, farewells
        r"\b(?:sort\w*|made|make|making|wr(?:ote|ite|iting|itten)|updat\w*|finish\w*|chang\w*)\s+(?:out\s+)?my\s+"
        r"(?:will|funeral plan|funeral|final arrangements)\b",
        r"\b(?:pick\w*|chose|chosen|choos\w*|plann\w*)\s+(?:out\s+)?(?:the\s+|my\s+)?(?:funeral|hymns|songs for my funeral)\b",
        r"\bwr(?:ote|ite|iting|itten)\s+(?:letters|a letter|notes|cards)\s+(?:to|for)\s+(?:everyone|everybody|all of them|"
        r"my (?:kids|children|family|wife|husband|partner|mum|dad|son|daughter))\b",
        r"\b(?:rehom\w*|re-hom\w*|found a (?:new )?home for)\s+(?:my|the)\s+(?:cat|dog|pets?|budgie|rabbit)\b",
        r"\b(?:won't|will not|wont|not going to|not gonna)\s+(?:be\s+)?(?:checking in|messaging|texting|talking to you|"
        r"needing (?:this|you|these)|be needing)\b.{0,30}\b(?:after|again|any ?more|much longer|for long|soon)\b",
        r"\b(?:this is|consider this|take this as)\s+(?:my\s+)?(?:goodbye|last message|last check[- ]?in)\b",
        r"\bwon't be (?:long|much longer) now\b",
        # methods and lethality, without the word
        r"\b(?:looks?|looking|seems?|pass(?:es)?)\s+(?:like|as|for)\s+an\s+accident\b",
        # heights, tracks and traffic looked at as a way out
        r"\b(?:tempting|how easy it (?:would|'d) be|so easy to just|calling (?:to )?me|pulling me)\b[^.!?]{0,50}"
        r"\b(?:tracks|train|railway|bridge|ledge|balcony|edge|roof|cliff|drop|jump|step off|let go|traffic|overpass|river)\b",
        r"\b(?:tracks|train|railway|bridge|ledge|balcony|edge|roof|cliff|drop|traffic|overpass|river|look down)\b[^.!?]{0,50}"
        r"\b(?:tempting|how easy it (?:would|'d) be|so easy to just|calling (?:to )?me|inviting)\b",
        r"\b(?:fall|fell|falling|jump|jumping|drop)\s+(?:from|off)\b[^.!?]{0,40}\b(?:would|do|does|could|will)\s+"
        r"(?:you|i|someone|a person|it)\s+(?:feel it|survive|die|be instant|be quick)\b",
        r"\b(?:car|engine)\s+running\b[^.!?]{0,40}\b(?:garage|door shut|doors shut|doors? closed|hose|pipe)\b",
        r"\b(?:climb\w*|stood|standing|stand|sat|sitting|stepped|stepping|leaning)\s+(?:up\s+)?(?:on|over)\s+(?:the\s+|a\s+)?"
        r"(?:bridge\s+|balcony\s+|roof\s+)?(?:railings?|rail|ledge|parapet|barrier)\b",
        r"\b(?:world|everyone|everybody|everything|they|the kids|my family)\b[^.!?]{0,30}\b(?:go on|keep (?:spinning|turning|going)|"
        r"be fine|carry on|manage|cope|spin)\s+(?:just\s+)?(?:fine\s+)?without me\b",
        r"\b(?:waan|wan|wanna|want|want to)\s+dead\b",
        r"\b(?:waan|wan|wanna|wana)\s+(?:just\s+)?die\b",
        # internet and gaming words for leaving life
        r"\bbrb\s+never\b",
        r"\b(?:no more|out of|used up (?:all )?my|on my last)\s+(?:lives|continues|respawns?|extra lives)\b",
        r"\b(?:done|finished|tired of|sick of|no more|stop|stopping|quit|quitting)\s+respawn\w*",
        r"\blog(?:ging|ged)?\s+(?:off|out)\s+(?:for good|forever|permanently|of life|of this life|for the last time)\b",
        r"\buninstall\w*\s+(?:myself|me|my life)\b",
        r"\b(?:rage\s*)?quit(?:ting)?\s+(?:life|living|existence|being alive)\b",
        # a note that reads like a farewell
        r"\bif\s+i\s+(?:don't|dont|do not|never|can't)\s+(?:answer|reply|respond|check in|message|text|wake)\b[^.!?]{0,40}"
        r"\b(?:it worked|that's why|you'll know|i'm gone|goodbye|i did it)\b",
        r"\b(?:hairdryer|hair dryer|toaster|radio|heater)\b.{0,25}\bbath\b|\bbath\b.{0,25}\b(?:hairdryer|hair dryer|toaster|heater)\b",
        r"\b(?:edge|top)\s+of\s+(?:the|a)\s+(?:quarry|cliff|bridge|roof|multi-?stor(?:e)?y|car park|tower)\b",
        r"\blife insurance\b.{0,60}\b(?:pay|pays|paid|payout|cover|covers|suicide|after)\b",
        r"\b(?:how many|how much|what amount)\b.{0,40}\b(?:to|would)\s+(?:stop me|not wake|never wake|kill|be fatal|be enough)\b",
        # imagining one's own death or funeral, speaking of a time after it
        r"\b(?:imagin\w*|pictur\w*|think\w* about|dream\w* about|fantasi[sz]\w* about|plann\w*)\s+(?:my\s+own|my)\s+"
        r"(?:funeral|death|grave|dying|last day)\b",
        # "if i'm gone by next week", "if I'm not here by Friday": a death foreseen soon
        r"\bif\s+i\s*'?m\s+(?:gone|dead|not here|not around|no longer here)\s+(?:by|before|in|come)\b",
        r"\b(?:when|after|once)\s+i'?m\s+(?:gone|dead|not here|not around|no longer here)\b"
        r"(?!\s+(?:to|for|on|out|away|shopping|back|home|in|into|from|at|with|through|past)\b)",
        r"\bdon't\s+(?:you\s+)?worry\s+about\s+me\s+(?:after|from|any ?more|once|when i'?m)\b",
        r"\bif\s+i\s+(?:stepped|walked|jumped|threw myself|lay down|laid down)\s+(?:out\s+)?(?:in front of|off|under)\b",
        # British and internet words for killing oneself
        r"\b(?:top|topping|topped|off|offing|offed)\s+myself\b(?!\s+(?:up|off))|\bdo(?:ing)?\s+myself\s+in\b",
        # ideation shorthand and a method chosen; nobody would miss me; lethal amounts looked up; waiting by the tracks
        r"\b(?:have|got|picked|chosen|chose|decided on)\s+(?:a|the|my)\s+method\b",
        r"\bsi\s+(?:is|'s|has been|thoughts|urges)\s+(?:\w+\s+)?(?:bad|back|worse|strong|loud|awful)\b",
        # "active SI", "passive si again", "having SI tonight": the clinic's shorthand for suicidal thoughts
        r"\b(?:active|passive|having|had|have|got|with|more|bad|strong|constant|heavy|intense)\s+si\b",
        r"\bsi\s+(?:again|tonight|today|lately|all day|every day|is back|ideation|thoughts?|urges?|creeping)\b",
        # not safe from oneself ("not safe tonight", "I'm not safe with myself"); a threat at home errs the same way
        r"\b(?:not|don't|do not|never)\s+(?:feeling\s+|feel\s+)?safe\s+(?:tonight|right now|with myself|by myself|on my own|alone|around myself|"
        r"from myself|in my (?:own )?head|to be (?:alone|left alone|on my own))\b",
        r"\b(?:i'?m|im|i am)\s+(?:really\s+|just\s+)?not\s+safe\s*(?:$|[.,!?;]|now\b|tonight\b|any ?more\b)",
        # why go on at all ("never getting better so why keep going"): the question, not a walk ("why keep going to physio")
        r"\bwhy\s+(?:even\s+|should i\s+|would i\s+|do i\s+|bother\s+|would anyone\s+)?(?:keep going|keep trying|carry on|go on|"
        r"bother living|keep living|stay alive|be alive|keep breathing|bother going on|bother carrying on)\s*(?:$|[.,!?;]|any ?more|at all)",
        # looking forward to being dead
        r"\b(?:can't|cannot|can not)\s+wait\s+(?:to|till|until|for)\s+(?:i\s*'?m\s+|i\s+am\s+|i\s+|be\s+)?(?:be\s+)?(?:dead|die|gone for good|"
        r"not be here|not exist|be gone|stop existing)\b(?!\s+(?:my|me|her|his|the|it|to the world)\b)",
        r"\b(?:no one|nobody|noone|no-one)\s+(?:would|will|'d)\s+(?:even\s+|really\s+)?(?:miss|notice)\s+me\b",
        r"\b(?:been\s+)?giv(?:ing|en)\s+(?:all\s+|most\s+of\s+)?(?:my|me)\s+(?:stuff|things|belongings|possessions|clothes)\s+away\b",
        r"\b(?:look\w* up|research\w*|googl\w*|search\w*|read\w* up on)\s+how\s+(?:much|many)\s+(?:of\s+)?(?:my\s+)?"
        r"(?:insulin|pills?|tablets?|meds|medication|paracetamol|painkillers?|\w+(?:dol|pam|done|phine|codeine|tyline|pentin|balin|amol))\b",
        r"\b(?:railway line|train tracks?|the tracks|level crossing)\b[^.!?]{0,60}\b(?:stood|standing|waited|waiting|sat|sitting)\b"
        r"[^.!?]{0,30}\b(?:a while|for a train|for the train|ages|an hour)\b",
        r"\b(?:bathroom|bedroom|toilet|bath)\s+with\s+(?:a|the|my)\s+(?:blade|razor)\b|\b(?:blade|razor)\b[^.!?]{0,40}\bwoke up\b",
        # someone saying goodbye and giving things away (often noticed by a relative), a pet rehomed for good
        r"\b(?:sayin[g']?|said|saying)\s+(?:bye|goodbye|goodbyes)\s+to\s+(?:all\s+)?(?:his|her|their|my|everyone|everybody)\b",
        r"\b(?:givin[g']?|gave|given|giving)\s+(?:all\s+)?(?:his|her|their)\s+(?:\w+\s+)?(?:things|stuff|games|clothes|belongings|"
        r"possessions|records|books|jewellery|tools|guitar|collection)\s+away\b|\b(?:givin[g']?|gave|given|giving)\s+away\s+(?:all\s+)?"
        r"(?:his|her|their)\s+(?:\w+\s+)?(?:things|stuff|games|clothes|belongings|possessions)\b",
        r"\b(?:gave|given|giving|rehomed|rehoming)\s+(?:away\s+)?(?:my|the)\s+(?:cat|dog|pets?|budgie|rabbit|kitten|puppy|parrot)\b"
        r".{0,80}\b(?:better (?:life|home|off)|won't need|look after (?:him|her|them) better|for good|for ever|forever)\b",
        r"\bgun\s*(?:'s|is)?\s+(?:loaded|ready|out|in my hand|on the table|under my pillow)\b|\bloaded\s+(?:the|my|dad's)\s+gun\b",
        # someone looking up ways to die; things given away because "it is time"
        r"\b(?:research\w*|look\w* up|search\w*|googl\w*|read\w* about)\s+(?:\w+\s+){0,2}(?:methods|ways to die|ways to go|ways out|how to die|how to go|"
        r"how to kill|how to end|suicide|painless ways?|lethal doses?)\b",
        r"\b(?:gave|given|giving|give|handed|handing|passed on|passing on)\b.{0,80}\b(?:my|most of my|all my|all of my)\b.{0,80}"
        r"\b(?:it is time|it\s*'s time|"
        r"it felt right|felt right to|won't need|wont need|for after|before i go|while i still can)\b",
        # waking up as a disappointment, already gone, no future here, a height judged, a gun
        r"\b(?:disappointed|sad|upset|annoyed|gutted|angry|cross)\s+(?:that\s+)?i\s+(?:woke|wake|keep waking|still wake)\s+up\b",
        r"\bfeel\s+(?:like|as if)\s+i'?m\s+already\s+(?:gone|dead)\b",
        r"\b(?:can't|cannot|don't|do not)\s+see\s+myself\s+(?:being\s+|still\s+)?(?:here|around|alive)\s+(?:by|at|in|for|next|this time)\b",
        r"\b(?:not going to|not gonna|won't|will not)\s+be\s+(?:here|around|alive)\s+(?:next|by|in|at|for)\s+"
        r"(?:month|year|christmas|spring|summer|autumn|winter|easter|my birthday|the new year|much longer|long)\b",
        r"\b(?:storey|story|floor|bridge|car park|multi-?storey|building|roof|balcony|drop|cliff|ledge)\b[^.!?]{0,30}\bhigh\s+enough\b",
        r"\b(?:shot|shoot|shooting)\s+(?:my ?self|meself|himself|herself|themselves|themself)\b(?!\s+in\s+the\s+foot)",
        # a gun or a blade held, turned on oneself ("sat with dad's pistol in my lap thinking about using it on myself")
        r"\b(?:gun|pistol|rifle|shotgun|revolver|firearm|handgun|glock|piece)\b[^.!?]{0,40}\b(?:in|on)\s+(?:my|me)\s+"
        r"(?:lap|hand|mouth|head|temple|chin|pillow)\b|\b(?:gun|pistol|rifle|shotgun|revolver|firearm|handgun|knife|blade|razor|"
        r"rope)\b[^.!?]{0,80}\b(?:us(?:e|ing|in'?)|turn\w*|point\w*)\s+(?:it|them|that|this|the \w+)\s+on\s+(?:my ?self|meself)\b",
        # someone else's plan passed on: "he's fixin to shoot himself", "she's finna end her life"
        r"\b(?:fixin[g']?|finna|about|means|meaning)\s+(?:to\s+)?(?:kill|shoot|hang|end|off|top)\s*(?:ing\s+)?(?:himself|herself|"
        r"themselves|my ?self|meself|his life|her life|my life|it all)\b",
        # no tomorrow wanted ("might just not bother with tomorrow", "won't bother waking up")
        r"\b(?:not|won't|wont|never|might not|may not|not going to|not gonna)\s+(?:even\s+)?bother\s+(?:with\s+)?"
        r"(?:tomorrow|waking up|the morning|another day|next week|living|life|any of it|breathing)\b",
        r"\b(?:gave|given|giving|give)\s+(?:away\s+)?(?:my|the)\s+(?:\w+\s+){0,2}\w+\b[^.!?]{0,60}\b(?:won't|wont|will not)\s+be\s+"
        r"(?:around|here)\b",
        r"\bdeleted\s+(?:all\s+)?(?:of\s+)?(?:my\s+)?(?:socials|social media|accounts|facebook|instagram)\b[^.!?]{0,80}\b"
        r"(?:gave|given|giving|cancel\w*|goodbye|leaving|tidying up|sorted)\b|\b(?:gave|cancel\w*)\b[^.!?]{0,80}\bdeleted\s+(?:all\s+)?"
        r"(?:of\s+)?(?:my\s+)?(?:socials|social media|accounts)\b",
        r"\battempted\s+(?:again|last|on|yesterday|twice|once|before|in)\b",
        # a death expected soon and a method settled, said plainly
        r"\b(?:i'?ll|i will|i'?m going to|i am going to|i'?m gonna)\s+be\s+dead\s+(?!before\s+i\s+(?:work|get|finish|manage|find|figure|sort|see))(?:by|before|soon|tomorrow|tonight|"
        r"next|within|in a)\b",
        r"\b(?:sorted|worked out|figured out|decided|know|planned|chosen|picked)\s+(?:out\s+)?how\s*(?:$|[.,!;]|"
        r"(?:i'?m|i am)\s+going\s+to\s+(?:go|do it|end it)|i'?ll\s+(?:go|do it|end it)|to\s+(?:go|do it|end it))",
        r"\b(?:weight|millstone|albatross|burden|drain|noose)\s+(?:round|around|on)\s+(?:their|his|her|everyone'?s|everybody'?s|"
        r"my \w+(?:\s*'s)?)\s+necks?\b",
        # calm after deciding, a ligature, a burden to everyone, lingering at a height
        r"\b(?:since|now that|now)\s+i(?:'ve| have)?\s+(?:decided|made (?:up )?my (?:mind|decision))\b"
        r"(?!\s+(?:to|on|what|which|that|about|how|where|when|if))",
        r"\b(?:belt|rope|cord|cable|scarf|ligature|noose|flex|lead|dressing gown cord)\b[^.!?]{0,25}\b(?:round|around)\s+(?:my|me|his|her)\s+neck\b",
        r"\b(?:just|only|nothing but)\s+(?:a\s+)?(?:burden|dead weight|drain|waste of space|waste of oxygen)\s+(?:to|on|for)\s+"
        r"(?:everyone|everybody|my family|them all|all of them|the people|my kids|my husband|my wife|my partner)\b",
        r"\b(?:stop\w*|stand\w*|stood|linger\w*|sit\w*|sat|wait\w*)\s+(?:on|at|by)\s+(?:the|a)\s+(?:bridge|ledge|cliff edge|cliff|"
        r"platform edge|roof|edge)\b[^.!?]{0,60}\b(?:looking down|a bit longer|longer each|every day|again|for an hour|for ages|"
        r"for hours|for a long time|a long time)\b",
        # clinical shorthand
        r"\bsui(?:cidal)?\s+(?:ideation|thoughts|attempt)\b|\b(?:suicidal\s+)?ideation\s+(?:is\s+)?(?:back|again|bad|worse)\b",
        # past attempts, said without the word
        r"\b(?:i'?ve|i have|i|i had|having)\s+(?:already\s+)?attempted\b(?!\s+(?:to|the|a|an|my|it|this|that|walking|swimming|"
        r"yoga|pilates|tai chi|stretch\w*|exercis\w*|some|more))",
        r"\b(?:my|last|previous|first|second|third|an?)\s+attempts?\b(?!\s+(?:at|to|of|on|with))(?=[^.!?]{0,60}"
        r"\b(?:again|before|survived|hospital|a&e|ago|since|heading|feel|feeling|life|pills|tablets)\b)",
        # how a method would feel, asked without the word
        r"\b(?:is|would|does|do|will)\s+(?:drowning|hanging|bleeding out|bleeding to death|jumping|an overdose|carbon monoxide|"
        r"the gas|gassing|freezing to death|suffocating)\s+(?:be\s+|feel\s+)?(?:peaceful|painless|quick|hurt|instant|easy|like going to sleep)\b",
        r"\b(?:painless|peaceful|easiest|quickest|quick)\s+(?:way|ways|method|methods)\s+(?:to\s+)?(?:go|die|do it|end it|out)\b",
        r"\b(?:hose\s*pipe|hose|charcoal)\b[^.!?]{0,40}\b(?:duct tape|gaffer tape|tape|exhaust)\b",
        # no reason or future seen ("can't see a single reason to keep going", "there's no future for someone like me")
        r"\b(?:can't|cannot|can not|don't|do not|couldn't)\s+(?:even\s+)?(?:see|find|think of)\s+(?:a single|one|a|any)\s+"
        r"(?:single\s+)?(?:reason|point)\s+(?:to|for|in)\s+(?:keep(?:ing)? going|go(?:ing)? on|carry(?:ing)? on|living|"
        r"life|being here|stay(?:ing)? (?:alive|here)|waking up|getting up)\b",
        r"\b(?:there\s*'?\s*s|there is|i have|i\s*'?ve got|i see)\s+no\s+future\s+(?:for\s+(?:me|someone like me|people like me|a \w+ like me)"
        r"|left for me)\b|\bi\s+have\s+no\s+future\s*(?:$|[.,!?;])",
        r"\b(?:i\s*'?m|im|i am)\s+(?:so\s+|just\s+)?done\s+trying\s*(?:$|[.!;])",
        # an ending shared with something that ends ("my contract ends Friday and so will I")
        r"\b(?:ends?|finish(?:es)?|is over|runs? out|expires?|stops?)\b[^.!?]{0,50}\band\s+so\s+(?:will|shall)\s+i\b",
        # a plan with a when and a how ("I sit in the dark and plan how", "I have the when now too")
        r"\bplan(?:ning|ned)?\s+how\s*(?:$|[.,!;])|\b(?:have|got|know|picked|chosen|set)\s+the\s+(?:when|how|where)\b"
        r"(?=\s*(?:$|[.,!;]|now|too|as well|sorted))",
        r"\b(?:pills|tablets|meds|capsules)\s+(?:all\s+)?(?:counted|lined up|ready|sorted)\b[^!?]{0,60}\b(?:day|date|night|time)\s+"
        r"(?:picked|chosen|set|sorted|decided)\b|\b(?:got|have)\s+the\s+(?:day|date)\s+(?:picked|chosen|set)\b[^!?]{0,60}"
        r"\b(?:pills|tablets|meds)\s+(?:all\s+)?(?:counted|lined up|ready)\b",
        # joining someone who has died ("the anniversary of his death is Tuesday, I thought I'd go and join him")
        r"\b(?:death|died|passed|grave|funeral|anniversary|heaven|lost him|lost her|since he went|since she went)\b[^\n]{0,120}"
        r"\b(?:go and|going to|want to|wanna|ready to|time to|i\s*'?ll|i could|i should|i\s*'?d|i would|longing to|long to)\s+"
        r"(?:go\s+and\s+)?join\s+(?:him|her|them|my (?:husband|wife|mum|mam|mom|dad|son|daughter|partner|boy|girl|baby))\b"
        r"(?!\s+(?:later|tomorrow|for (?:a|the|some)|at the (?:pub|cafe|club|shops?|gym|pool|bar))\b)",
        # the means at hand with drink ("a bottle of whisky and all his old morphine in the cupboard")
        r"\b(?:whisky|whiskey|vodka|gin|rum|wine|brandy|bottle)\b[^.!?]{0,60}\b(?:all|a stash of|a stockpile of|boxes of|old)\s+"
        r"(?:of\s+)?(?:his|her|my|the|mum'?s|dad'?s)?\s*(?:old\s+)?(?:morphine|oxy\w*|tramadol|codeine|fentanyl|pills|tablets|meds)\b",
        # lingering at a height or deep water ("I keep driving past the quarry and slowing down")
        r"\b(?:keep|kept|been|always)\s+(?:driving|walking|going|cycling|pulling)\s+(?:past|by|over|up to|to)\s+(?:the|a|that)\s+"
        r"(?:quarry|bridge|cliffs?|railway|tracks|viaduct|reservoir|river|pier|multi-?stor(?:e)?y|overpass|flyover|dam)\b"
        r"[^.!?]{0,40}\b(?:slow\w*|stop\w*|look\w* (?:down|over)|linger\w*|pull\w* over|park\w*|sit\w* there)\b",
        # not planning to be here, and nobody around to find them
        r"\b(?:don't|do not|dont|not)\s+plan(?:ning)?\s+on\s+(?:still\s+)?being\s+(?:here|around|alive)\b",
        r"\b(?:nobody|no one|noone|no-one)\s+(?:here\s+|around\s+|home\s+)?(?:to|will|would|gonna|going to)\s+find\s+me\b",
        # no days after this one
        r"\bno\s+more\s+days\b(?!\s+(?:off|out|of|at|in|like|when|where|with|without)\b)",
        # affairs put in order: two things closed or cancelled, or one said to be tidying up
        r"\b(?:cancel\w*|clos\w*|shut)\s+(?:down\s+)?my\s+(?:phone|bank|gym|contract|account|subscriptions?|direct debits?|"
        r"memberships?)\b[^!?]{0,80}\b(?:cancel\w*|clos\w*|shut)\s+(?:down\s+)?my\s+(?:bank|phone|gym|account|accounts|"
        r"subscriptions?|direct debits?|memberships?)\b",
        r"\b(?:cancel\w*|clos\w*)\s+(?:all\s+)?my\s+(?:\w+\s+){0,2}(?:contracts?|accounts?|subscriptions?|direct debits?|"
        r"memberships?)\b[^!?]{0,80}\b(?:tidying up|loose ends|won't need|wont need|putting things straight|sorting everything)\b",
    ]
)
_SELF_HARM = compile_all(
    [
        # hurting oneself on purpose, whatever the verb
        r"\b(?:scald|burn|burnt|cut|hit|punch|bang|slam|scratch|bit|bite|stab|hurt)\w*\b.{0,40}\b(?:on purpose|deliberately|purposely)\b",
        r"\b(?:hitting|punching|banging|slamming|smashing)\s+(?:my|me)\s+(?:own\s+)?(?:hands?|head|fists?|arms?|legs?)\b"
        r"(?!\s+(?:on|against) the (?:door|cupboard|table|car))",
        # striking one's own body with something ("hit my legs with the rolling pin when the pain got bad")
        r"\b(?:hit|hits|punch\w*|bang\w*|whack\w*|smack\w*|beat|beating|bash\w*|slapp?\w*)\s+(?:my|me)\s+(?:own\s+)?"
        r"(?:legs?|arms?|head|thighs?|face|stomach|belly|chest|hands?|wrists?|knees?|body)\s+with\s+(?:a|the|my|me)\b",
        r"\bself[\s-]*harm\w*",
        # purging after meals
        r"\b(?:mak(?:e|ing|es)|made)\s+myself\s+(?:sick|throw up|vomit|puke)\b(?!\s+(?:with|from|over|about|worrying))",
        # biting, scratching or digging into one's own body hard
        r"\b(?:bit|bite|biting|bitten|scratch\w*|clawed|claw\w*|pinch\w*|gouge\w*|dug|dig\w*)\s+(?:and\s+\w+\s+)?"
        r"(?:(?:my|me)\s+nails\s+into\s+)?"
        r"(?:my|me)\s+(?:own\s+)?(?:hands?|arms?|wrists?|fingers?|knuckles?|thighs?|legs?|skin|forearms?)\b"
        r"(?!\s+(?:on|against|in|with|by|when|while|climbing|gardening|pruning)\b)[^.!?]{0,25}"
        r"\b(?:so hard|that hard|hard enough|till|until|til|raw|bleed\w*|bled|purple|bruis\w*|marks?)\b",
        # the blades, razors or lighter back out ("confession, the blades came back out this week")
        r"\b(?:blades?|razors?|razor blades?)\s+(?:\w+\s+)?(?:came|come|are|is|have come|got|been)\s+(?:back\s+)?out\b|"
        r"\b(?:back\s+(?:on|to)\s+the|picked up the|got the)\s+(?:blades?|razors?)\s*(?:again|$|[.,!?;])",
        # someone else hurting themselves ("I think she's hurting herself", "he keeps cutting himself")
        r"\b(?:he|she|they|he's|she's|they're|hes|shes)\s+(?:is\s+|are\s+|has been\s+|have been\s+|been\s+|keeps\s+|keep\s+|"
        r"still\s+|started\s+)?(?:hurting|cutting|burning|harming|scratching|hitting|starving)\s+(?:herself|himself|themselves|themself)\b"
        r"(?!\s+(?:at|on|in|playing|doing|when|while|with the|lifting|by accident|accidentally)\b)",
        r"\bself[\s-]*injur\w*",
        r"\bself[\s-]*mutilat\w*",
        r"\bsh(?:ing|'ing|'d)\b",
        r"#\s*(?:sh|selfharm|self harm)\b",
        r"\U0001F52A[^\n]{0,6}\U0001FA78|\U0001FA78[^\n]{0,6}\U0001F52A",
        r"\b(?:been|started|keep|kept|stop|quit)\s+sh\b|\bsh\s+(?:again|urges?|scars?|wounds?|relapse)\b",
        r"\bsh\s*(?:x\s*\d+|\d+\s*x|\d+\s+times)\b",
        r"\b(?:i|i've|ive|i have)\s+(?:cut|burned|burnt)\s+(?:again|last night|tonight|this morning)\b",
        "\U0001f52a[^\\n]{0,8}(?:again|\U0001f614|\U0001f622|\U0001f62d|\U0001f494|\U0001fa79)",
        r"\bstarv(?:e|ed|ing)\s+myself\b(?!\s+of\s+(?:sleep|time|rest|fun|company|sunlight))",
        r"\b(?:deliberately|on purpose|purposely|intentionally)\s+(?:\w+\s+){0,3}(?:over-?exercis\w*|overdo\w*|hurt\w*|cut\w*|burn\w*|"
        r"starv\w*|injur\w*|punish\w*|push\w* (?:myself|my body) (?:until|till|til))",
        r"\b(?:i\s+)?deserve\s+(?:the|this|all the)\s+pain\b|\bpunish\w*\s+(?:myself|my body|me)\b",
        r"\blong sleeves\b.{0,60}\b(?:guess why|you can guess|hide|hiding|cover|so no one|so nobody|marks|cuts)\b|"
        r"\b(?:hide|hiding|hid|cover\w*)\s+(?:up\s+)?(?:the\s+|my\s+)?(?:fresh\s+|new\s+)?(?:marks|cuts|burns)\b|"
        r"\b(?:hide|hiding|hid|cover\w*)\s+(?:up\s+)?(?:the\s+|my\s+)?(?:fresh|new)\s+scars\b",
        r"\b(?:took|taken|take|taking|put|used)\s+(?:a\s+|the\s+|my\s+)?(?:knife|blade|razor|lighter|scissors|compass|sharpener)\s+"
        r"(?:to|on|against)\s+(?:my|me)\b",
        r"\brelaps\w*\b[^\n]{0,20}[🩹🔪]|[🩹🔪][^\n]{0,20}\brelaps\w*",
        r"\bclean\s+(?:for|from)\s+(?:\w+\s+){0,2}(?:days|weeks|months)\b[^.!?]{0,40}\b(?:until|till|til|but|relapsed|broke|ruined)\b",
        # hitting oneself hard, fresh cuts to look after or hide, starving on purpose
        r"\b(?:slap|slapp\w*|punch\w*|hit|hitting|pinch\w*|bit|bite|biting|scratch\w*|headbutt\w*)\s+(?:myself|meself)\b(?![^.!?]{0,40}\b(?:door|cupboard|shelf|table|corner|by accident|accidentally)\b)[^.!?]{0,60}"
        r"\b(?:hard|harder|until|till|til|to punish|to stop|to feel|so it hurts|bruis\w*|bleed\w*|marks?)\b",
        r"\b(?:these|the|my|fresh|new)\s+cuts\b[^.!?]{0,40}\b(?:too deep|deep|steri-?\s*strips?|stitches|butterfly|hide|hiding|cover|sleeves|scar\w*|infected)\b",
        r"\bcuts\s+(?:are\s+|is\s+)?too deep\b",
        r"\b(?:bang\w*|hit\w*|smash\w*|slam\w*|punch\w*|knock\w*)\s+(?:my|me)\s+(?:own\s+)?(?:head|fists?|hands?)\b[^.!?]{0,50}"
        r"\b(?:over and over|again and again|repeatedly|till|until|on purpose)\b",
        r"\b(?:hold\w*|held|put|putting|keep\w*)\s+(?:my|me)\s+(?:hand|hands|arm|arms|fingers?|feet|foot)\s+(?:in|under|on)\s+"
        r"(?:the\s+)?(?:scalding|boiling|burning|freezing|ice)\b",
        r"\b(?:been|keep|kept|started|start)\s+starving\b(?!\s+(?:hungry|for (?:a|some|food|lunch|dinner|breakfast)))",
        r"\b(?:[1-7]\d\d|under\s+\d{3,4})\s*(?:cals?|calories|kcals?)\s+(?:a|per|each|every)\s+day\b",
        # burning oneself with something lit or hot ("pressing lit incense into my skin", "stubbed a cigarette on my arm")
        r"\b(?:press\w*|push\w*|stub\w*|hold\w*|held|put\w*)\s+(?:a\s+|the\s+|my\s+)?(?:lit|hot|burning|red-?hot)\s+(?:\w+\s+){0,2}"
        r"(?:into|onto|against|on)\s+(?:my|me)\s+(?:own\s+)?(?:\w+\s+)?(?:skin|arms?|wrists?|thighs?|legs?|hands?|stomach)\b",
        r"\b(?:stub\w*|press\w*|push\w*)\s+(?:out\s+)?(?:a\s+|the\s+|my\s+)?(?:cigarettes?|fags?|ciggies?|lighters?|incense|"
        r"joss sticks?|matches)\s+(?:out\s+)?(?:into|onto|against|on)\s+(?:my|me)\b",
        # "barcode" (rows of cuts), burns with cigarettes, boiling water poured on for the sting
        r"\bbarcod\w*\b[^.!?]{0,30}\b(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)\b",
        r"\bburn\w*\s+(?:them|it|myself|my \w+)\s+with\s+(?:a\s+|the\s+)?(?:cigarettes?|fags?|ciggies?|lighters?|matches|incense)\b",
        r"\b(?:pour\w*|tip\w*|put\w*|run\w*)\s+(?:the\s+)?(?:boiling|scalding|hot)\s+water\s+(?:on|over|onto)\s+(?:my|me)\b"
        r"(?=[^.!?]{0,60}\b(?:sting|like it|on purpose|again|deserve|feel something|punish)\b)"
        r"|\blike\s+the\s+(?:sting|burn|pain)\s+when\s+i\s+(?:pour|put|press|hold|run)\b",
        # signs a young person is cutting, found by a parent (blades taken out of sharpeners)
        r"\b(?:pencil\s+)?sharpeners?\s+(?:\w+\s+){0,2}(?:taken apart|broken open|dismantled|unscrewed)\b|"
        r"\bsharpeners?\b[^.!?]{0,40}\bblades?\s+(?:taken\s+|pulled\s+|prised\s+)?(?:out|missing|removed|gone)\b|"
        r"\bblades?\s+(?:taken\s+)?(?:out of|from)\s+(?:a|his|her|their|the|my)\s+(?:pencil\s+)?sharpeners?\b",
    ]
)
_SELF_HARM_VERB = re.compile(
    r"\b(?:cut|cutting|cuts|burn|burning|burnt|burned|burns|hurt|hurting|hurts|harm|harming|harmed|punish|punishing|"
    r"injure|injuring|scratch|scratching|hit|hitting|bang|banging|starve|starving|bruise|bruising)\s+myself\b"
)
_CUT_BODY = re.compile(
    r"\b(?:cut|cutting|slashed|scratched|burned|burnt|carved)\s+(?:my|me)\s+(?:legs?|arms?|thighs?|wrists?|stomach|belly|hips?|skin)\b"
)
_CUT_BURN = re.compile(r"\b(?:cut|cutting|cuts|burn|burning|burnt|burned|burns|slash\w*|carv\w*)\s+myself\b")
_ACCIDENT = re.compile(
    r"\b(?:by accident|accidentally|accidental|shaving|cooking|chopping|slicing|gardening|peeling|on the (?:oven|stove|kettle|iron|hob|pan|tray)|"
    r"with the (?:kettle|iron|knife while)|hot water bottle|heat pad|wheat bag|hair straighteners|while|when i|making|baking|in the kitchen|on a|on the|opening)\b"
)
_INTENT = re.compile(
    r"\b(?:want|wanted|wanting|urge|urges|feel like|felt like|thinking about|thought about|thoughts of|thoughts about|"
    r"tempted|on purpose|deliberately|intentionally|purposely|punish|need to|make myself|started|been|keep|again|"
    r"relapsed|relapse|to cope|to feel)\b"
)
_INTENT_STRONG = re.compile(
    r"\b(?:want|wanted|wanting|urge|urges|feel like|felt like|thinking about|thought about|thoughts of|thoughts about|"
    r"tempted|on purpose|deliberately|intentionally|purposely|punish|to cope|to feel|relapsed|relapse)\b"
)
_EXERCISE_CONTEXT = re.compile(
    r"\b(?:walk\w*|exercis\w*|gym|class|yoga|swim\w*|stretch\w*|physio\w*|workout|training|run|running|cycl\w*|"
    r"tai chi|pilates|overdo\w*|lift\w*|garden\w*|activity|activities|moving|move|sport|pacing|session|by doing)\b"
)
PILLS = (
    r"(?:pills?|tablets?|meds|medication|medicines?|drugs|painkillers?|capsules?|packet|packets|bottle|box|"
    r"boxes|lot|stash|supply|prescription|\w+(?:dol|lin|line|tine|pam|done|phine|amol|codeine|tyline|pentin|balin))"
)
_OVERDOSE = compile_all(
    [
        r"\boverdos\w*",
        r"\b(?:might|going to|want to|could|will|planning to|thinking of|thinking about|i'll|gonna|just)\s+(?:just\s+)?o\.?d(?:ing)?\b",
        r"\bo\.?d\s+(?:on|tonight|today|later)\b",
        rf"\bhow\s+many\s+{G4}(?:would|will|does|do|did|should|'d)\s+it\s+take\b",
        rf"\bhow\s+(?:many|much)\s+{G4}(?:to|would|will|before|until)\s+(?:\w+\s+)?(?:die|kill|be fatal|be lethal|not wake|end it|overdose|od|"
        r"stop my heart|stop breathing)",
        r"\b(?:lethal|fatal|deadly|toxic|killing)\s+(?:dose|amount|quantity|number|level)\b",
        r"\bhow\s+(?:much|many)\b[^.!?]{0,40}\b(?:is|are|would be|be|counts as|becomes)\s+(?:fatal|lethal|deadly|an overdose|too much to survive)\b",
        r"\bdose\s+(?:that|which|to|it takes to)\s+(?:would\s+)?(?:kill|be fatal|be lethal|die)",
        rf"\b(?:down|downing|neck|necking)\s+(?:all|every one|everything|the whole|the rest|them all|the lot|loads|a load|handfuls?|"
        rf"a handful|every|every single|each)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|those\s+|them\s+)?{PILLS}",
        r"\b(?:take|taking|took|swallow\w*)\s+(?:all|every one|everything|the whole lot|them all|the lot|every single one)\b"
        r"(?!\s+(?:out of|outta|out|from)\s+(?:me|my))",
        rf"\b(?:take|taking|took|swallow\w*)\s+(?:all|every one|everything|the whole|the entire|a whole|the rest|"
        rf"them all|the lot|loads|a load|handfuls?|a handful|every|every single|each)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|those\s+|them\s+)?{PILLS}",
        r"\btake\s+(?:them\s+|it\s+)?all\s+at\s+once\b",
        rf"\b(?:took|taken|swallowed|had|downed|necked|overdid)\s+(?:about\s+|like\s+|around\s+|nearly\s+|over\s+)?"
        rf"(?:[1-9]\d|1\d\d|ten|twelve|fifteen|twenty|thirty|forty|fifty|a hundred)\s+(?:of\s+)?(?:my\s+|the\s+|his\s+|her\s+)?{PILLS}",
        rf"\b(?:sav|stockpil|hoard|stash|collect|stor)\w*\s+(?:up\s+)?(?:\w+\s+){{0,2}}{PILLS}\b",
        rf"\b{PILLS}\s+(?:\w+\s+){{0,1}}(?:saved|stockpiled|hoarded|stashed)\b",
        r"\b(?:i have|i've got|i've|ive got|i got|got|have|keeping|kept)\s+(?:a|my|me)\s+(?:little\s+|secret\s+|big\s+)?stash\b(?!\s+of\b)",
    ]
)
_TAKE_ALL_BENIGN = re.compile(
    r"\b(?:with (?:food|a meal|water|milk|breakfast|dinner|lunch|tea)|at the same time|in the morning|at breakfast|"
    r"each day|every day|daily|as prescribed|together|before breakfast|on time|this week|at once in the morning)\b"
)


# "my legs want to die after those stairs": the subject is a body part, not the person
_NOT_SELF_DIE = re.compile(
    r"\b(?:legs?|feet|foot|knees?|body|muscles|arms?|back|calves|thighs|hips?|glutes|lungs|brain|phone|battery|"
    r"laptop|car|plants?|garden|hamstrings|quads|abs|bum)\s+(?:\w+\s+)?(?:want|wants|wanted|wanna|wan|waan|wish|are ready|is ready)"
    r"(?:\s+to)?\s+(?:just\s+)?(?:die|dead)\b"
)


# sport drills, car doors and films named after the word: "did a suicide run at netball", "Suicide Squad"
_SUICIDE_AS_A_NAME = re.compile(
    r"\bsuicide\s+(?:doors?|runs?|sprints?|squad|drills?|shifts?|lines?|mission|bid|squeeze|pass|blonde|seat|king|sit-?ups?|"
    r"shuttles?|ladders?)\b|\b(?:do|did|doing|does|done|run|ran|running|make them do|made us do)\s+suicides\b|"
    r"\bsuicides\s+(?:at|in|for|on)\s+(?:the\s+)?(?:training|practice|pe|p\.e\.|netball|football|footy|basketball|hockey|rugby|"
    r"soccer|gym|class|track|court)\b|\b(?:with|doing|running|do)\s+suicides\s+(?:up and down|across|along|the length of|"
    r"on|at|in)\b"
)
# "the hoovering makes me want to die lol", "overdosed on netflix", "this flare can go jump off a cliff"
_PLAINLY_A_JOKE = re.compile(
    r"\b(?:makes?|made|making)\s+me\s+want\s+to\s+die\b(?=[^.!?]{0,60}(?:\blol\b|\blmao\b|\bhaha\w*|\U0001f602|\U0001f923|\bjk\b))|"
    r"\boverdos\w*\s+on\s+(?:netflix|chocolate|sugar|caffeine|coffee|tv|telly|the sun|sunshine|exercise|cake|carbs|christmas|"
    r"crisps|youtube|tiktok|reality tv|box ?sets?|bake off|biscuits|sweets|love|fresh air|cheese|pizza)\b|"
    r"\b(?:can|could|should|may|might)\s+(?:go\s+)?(?:and\s+)?jump\s+off\s+(?:a|the)\s+(?:cliff|bridge|roof)\b|"
    r"\bstarv\w*\s+myself\s+of\s+(?:sleep|time|rest|fun|company|sunlight)\b|"
    r"\bjump\s+off\s+a\s+(?:cliff|bridge|roof)\s+for\s+(?:a|an|some|one)\b"
)
# "I can't do this anymore - the night shifts I mean": the speaker says what "this" is
_SAID_WHAT_THIS_IS = re.compile(
    r"\bcan't\s+(?:do|take)\s+(?:this|it)\s+any ?more\b(?=\W{0,5}(?:the|this|these|my)\s+(?:\w+\s+){0,3}i mean\b)"
)
# "killed myself cleaning for the in-laws", "killed myself getting there on time": worked very hard. Only the past
# tense followed by what was done; "nearly killed myself", "tried to kill myself" and "killed myself" alone still count
_WORKED_HARD = re.compile(
    r"(?<!nearly )(?<!almost )(?<!near )(?<!tried to )(?<!try to )(?<!wanted to )\bkilled\s+(?:my ?self|meself)\s+"
    r"(?=(?:\w+ing|to get|to make|to finish|for (?:the|them|him|her|nothing|this|that|my))\b)(?!(?:trying|thinking)\b)"
)
# a will made for ordinary reasons ("writing my will with a solicitor, my wife insisted since we bought the house")
_ORDINARY_WILL = re.compile(
    r"\bmy\s+will\b(?=[^.!?]{0,80}\b(?:solicitor|lawyer|notary|bought|mortgage|insisted|married|boring|admin|paperwork)\b)"
)
# "I won't be here next week, I'm on holiday": away, not gone
_AWAY = re.compile(
    r"\b(?:won't|will not|not going to|not gonna)\s+be\s+(?:here|around)\b(?=[^.!?]{0,20}[.!?,]?[^.!?]{0,60}\b(?:holiday|away|"
    r"travel\w*|trip|visiting|on leave|in hospital|hospital for|my (?:op|operation)|conference|camping|abroad|at my (?:mum|dad|"
    r"sister|brother|daughter|son)'?s?)\b)"
)
# "I nearly lost the will to live on hold": the speaker says it did not happen
_HYPERBOLE = re.compile(
    r"\b(?:nearly|almost|practically)\s+lost\s+(?:the|my|all)\s+will\s+to\s+live\b|"
    r"\b(?:lost|losing|lose)\s+(?:the|my|all)\s+will\s+to\s+live\b(?=[^.!?]{0,40}(?:\bhaha\w*|\blol\b|\blmao\b|\U0001f602|"
    r"\U0001f923|minute|queue|on hold|meeting|call|form|webinar|lecture|traffic|spreadsheet|paperwork|presentation|assembly))"
)
# a gun, coffin, headstone or noose sent without a laugh; a skull said not to be a joke
_GRAVE_EMOJI = re.compile("[\U0001f52b\u26b0\U0001faa6\U0001faa2]")
_LAUGH = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f639]|\\b(?:lol|lmao|haha\\w*|jk|joking|kidding|rofl)\\b")
_SKULL_NOT_A_JOKE = re.compile("\U0001f480[^.!?]{0,10}\\bnot\\s+(?:the\\s+)?(?:funny|joke|joking|lol|laughing)\\b")


# "rest in peace spuds ⚰️": a farewell to burnt potatoes, not to oneself
_RIP_FOR_A_THING = re.compile(r"\b(?:rip|r\.i\.p|rest in peace)\s+(?!(?:me|myself|my life|my self|to me)\b)[a-z]")


def _grave_emoji(t: str) -> bool:
    grave = bool(_GRAVE_EMOJI.search(t)) and not _LAUGH.search(t) and not _RIP_FOR_A_THING.search(t)
    return grave or bool(_SKULL_NOT_A_JOKE.search(t))


def _crisis_rules(t: str) -> list[str]:
    for figure in (
        _NOT_SELF_DIE,
        _HYPERBOLE,
        _SUICIDE_AS_A_NAME,
        _PLAINLY_A_JOKE,
        _AWAY,
        _SAID_WHAT_THIS_IS,
        _WORKED_HARD,
    ):
        t = figure.sub(" ", t)
    t = _ORDINARY_WILL.sub("my papers", t)
    rules = []
    if any(rx.search(t) for rx in _SUICIDAL) or any(rx.search(t) for rx in other_languages.SUICIDAL) or _grave_emoji(t):
        rules.append("crisis.suicidal_ideation")
    sh = any(rx.search(t) for rx in _SELF_HARM) or any(rx.search(t) for rx in other_languages.SELF_HARM)
    if not sh:
        for m in _SELF_HARM_VERB.finditer(t):
            sent = sentence_of(t, m.start(), m.end())
            if _CUT_BURN.match(m.group(0)):
                if not _ACCIDENT.search(sent) or _INTENT_STRONG.search(sent):
                    sh = True
                    break
            elif _INTENT_STRONG.search(sent) or (_INTENT.search(sent) and not _EXERCISE_CONTEXT.search(sent)):
                # "I've been hurting myself again" is self-harm; "I keep hurting myself at the gym" is a triage question.
                sh = True
                break
    if not sh:
        for m in _CUT_BODY.finditer(t):
            if not _ACCIDENT.search(sentence_of(t, m.start(), m.end())):
                sh = True
                break
    if sh:
        rules.append("crisis.self_harm")
    for rx in _OVERDOSE:
        hit = False
        for m in rx.finditer(t):
            sent = sentence_of(t, m.start(), m.end())
            if rx.pattern.startswith((r"\b(?:take|taking", r"\b(?:took|taken")) and _TAKE_ALL_BENIGN.search(sent):
                continue
            hit = True
            break
        if hit:
            rules.append("crisis.overdose")
            break
    return rules


# ---------------------------------------------------------------- dose requests
DRUG = (
    r"(?:pregab\w*|lyrica|gabapent\w*|neurontin|dulox\w*|cymbalta|amitrip\w*|amitryp\w*|elavil|nortrip\w*|"
    r"milnacipran|savella|tramad\w*|zydol|ultram|codeine|co-?codamol|co-?dydramol|dihydrocodeine|solpadeine|"
    r"paracet\w*|acetaminophen|tylenol|panadol|calpol|ibuprofen|advil|nurofen|motrin|naproxen|aleve|aspirin|"
    r"diclofenac|voltaren|voltarol|cyclobenzaprine|flexeril|morphine|oramorph|oxycodone|oxycontin|oxynorm|"
    r"hydrocodone|vicodin|norco|percocet|tapentadol|palexia|fentanyl|buprenorphine|butrans|diazepam|valium|"
    r"lorazepam|clonazepam|baclofen|tizanidine|sertraline|zoloft|fluoxetine|prozac|citalopram|escitalopram|"
    r"lexapro|venlafaxine|effexor|mirtazapine|trazodone|zopiclone|zolpidem|ambien|melatonin|ldn|naltrexone|"
    r"cbd|cannabis|methocarbamol|celecoxib|celebrex|meloxicam|etoricoxib|naproxen|prednisolone|prednisone|"
    r"propranolol|sumatriptan|nefopam|lidocaine|capsaicin|magnesium|vitamin d|"
    r"pills?|tablets?|meds|medications?|medicines?|painkillers?|pain ?killers?|pain relief|pain relievers?|"
    r"doses?|dosage|prescription|antidepressants?|opioids?|opiates?|capsules?|patch(?:es)?|sleeping pills?)"
)
_DRUG_RX = re.compile(rf"\b{DRUG}\b")
_MG_RX = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|milligrams?|mcg|micrograms?|ug|ml|g)\b")
ASK = (
    r"(?:can|could|should|shall|may|must|would|is it (?:ok|okay|safe|alright|fine|bad|dangerous|wise|better) (?:for me )?to|"
    r"am i (?:allowed|ok|okay|safe) to|do i (?:need|have) to|would it be (?:ok|okay|safe|better|alright) to|"
    r"how (?:do|can|should) i|how to|when (?:can|should|do) i|is it worth|would it help to|what if i|what happens if i|"
    r"do you think i should|better to|ok to|okay to|safe to|wondering if i (?:can|could|should)|wondering about)"
)
# statements of intent: only a real change counts ("I'm going to take my meds" is not a request)
ASK_PLAN = (
    r"(?:i want to|i'm going to|i 'm going to|i am going to|thinking of|thinking about|planning to|plan to|i might)"
)
CHANGE_REAL = (
    r"(?:double|doubling|up|upping|increase|increasing|raise|raising|lower|lowering|reduce|reducing|decrease|decreasing|"
    r"cut down|cutting down|halve|halving|skip|skipping|stop|stopping|quit|quitting|come off|coming off|get off|"
    r"wean\w*|taper\w*|drop|dropping|switch|switching|swap|swapping|take extra|take more|take an extra|take another|"
    r"take double|go up|go down|bump)"
)
CHANGE = (
    r"(?:double|doubling|up|upping|increase|increasing|raise|raising|lower|lowering|reduce|reducing|decrease|decreasing|"
    r"cut|cutting|halve|halving|split|splitting|skip|skipping|miss|missing|stop|stopping|quit|quitting|come off|"
    r"coming off|get off|getting off|wean\w*|taper\w*|drop|dropping|change|changing|switch|switching|swap|swapping|"
    r"combine|combining|mix|mixing|add|adding|take|taking|have|having|use|using|try|trying|start|starting|restart|"
    r"go up|go down|bump|crush|crushing|chew|top up|topping up|space out|give up)"
)
_DOSE_AMOUNT = compile_all(
    [
        rf"\bhow\s+(?:much|many)\s+{G4}{DRUG}\b",
        r"\bhow\s+(?:much|many)\b.{0,40}\b(?:should|can|could|do|may|am i allowed to|is it safe to)\s+i\s+(?:take|have|use|give)\b",
        r"\b(?:what|which)\s+(?:dose|dosage|strength|amount|mg)\b",
        r"\b(?:max(?:imum)?|min(?:imum)?|safe|right|correct|normal|usual|starting|highest|lowest|daily|recommended|"
        r"typical|proper|ideal|best)\s+(?:daily\s+)?(?:dose|dosage|amount|limit)\b",
        rf"\bhow\s+often\s+{G4}(?:take|have|use|repeat)\b",
        r"\bhow\s+(?:long|many hours)\s+(?:\w+\s+){0,3}(?:between|apart)\b",
    ]
)
_QUESTION = re.compile(r"\?|^\s*(?:can|could|should|shall|may|is|am|do|does|how|what|which|when|would|will)\b")


_CHANGE_RX = re.compile(rf"\b{ASK}\s+(?:i\s+|we\s+|you\s+)?(?:just\s+|safely\s+|maybe\s+|still\s+)?{CHANGE}\b")
_PLAN_RX = re.compile(rf"\b{ASK_PLAN}\s+(?:just\s+|maybe\s+)?{CHANGE_REAL}\b")


def _iter_change(t: str) -> Iterator[re.Match[str]]:
    yield from _CHANGE_RX.finditer(t)
    yield from _PLAN_RX.finditer(t)


_NON_DRUG_DOSE = re.compile(
    r"\b(?:doses?|dosage)\s+of\s+(?:exercise|activity|movement|walking|stretching|yoga|pacing|sunlight|sunshine|"
    r"fresh air|nature|rest|daylight|reality|humour|humor|\w+ing)\b"
)


def _dose_rules(t: str) -> list[str]:
    t = _NON_DRUG_DOSE.sub(" ", t)
    rules: list[str] = []
    has_drug = bool(_DRUG_RX.search(t))
    has_mg = bool(_MG_RX.search(t))
    if not (has_drug or has_mg):
        return rules
    for rx in _DOSE_AMOUNT:
        m = rx.search(t)
        if m and (has_drug or has_mg):
            sent = sentence_of(t, m.start(), m.end())
            if _DRUG_RX.search(sent) or _MG_RX.search(sent) or "dose" in sent or "take" in sent:
                rules.append("dose_request.amount")
                break
    if not rules and has_mg:
        for m in _MG_RX.finditer(t):
            sent = sentence_of(t, m.start(), m.end())
            if _QUESTION.search(sent) or re.search(rf"\b{ASK}\b", sent):
                rules.append("dose_request.amount")
                break
    for m in _iter_change(t):
        tail = t[m.end() : m.end() + 60]
        stop = re.search(r"[.!?;\n]", tail)
        rest = m.group(0) + (tail[: stop.start()] if stop else tail)
        if _DRUG_RX.search(rest) or _MG_RX.search(rest) or re.search(r"\b(?:extra|another|second|double|dose)\b", rest):
            rules.append("dose_request.change")
            break
    return rules


def screen_message(text: str) -> ScreenResult:
    """Screen one inbound message.  Never raises on odd input."""
    if not text or not isinstance(text, str) or not text.strip():
        return NONE
    t = normalise(text)
    crisis = _crisis_rules(t)
    emergency = list(emergency_rules(t))
    dose = _dose_rules(t)
    rules = tuple(crisis + emergency + dose)
    if crisis:
        return ScreenResult("crisis", rules)
    if emergency:
        return ScreenResult("emergency", rules)
    if dose:
        return ScreenResult("dose_request", rules)
    return NONE
