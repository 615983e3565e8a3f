"""Conservative crisis keywords used until an admin imports a catalogue with its own.

Safety screening must never be off: a fresh installation, or one whose admin has not yet
imported a catalogue, still checks clients' free text against these lists. The example
catalogue (examples/resources.yaml) carries the same lists.
"""

from __future__ import annotations

__all__ = ["DEFAULT_KEYWORDS"]

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
        "don't want to live",
        "hurt myself",
        "self-harm",
        "cut myself",
        "overdose",
    ),
    "es": (
        "suicidio",
        "suicidarme",
        "me quiero suicidar",
        "matarme",
        "quitarme la vida",
        "acabar con mi vida",
        "quiero morir",
        "quiero morirme",
        "no quiero vivir",
        "mejor muerto",
        "mejor muerta",
        "hacerme daño",
        "autolesión",
        "sobredosis",
    ),
    "de": (
        "Suizid",
        "Selbstmord",
        "suizidal",
        "mich umbringen",
        "mir das Leben nehmen",
        "will sterben",
        "möchte sterben",
        "nicht mehr leben",
        "mich selbst verletzen",
        "Selbstverletzung",
        "mir weh tun",
        "mich ritzen",
        "Überdosis",
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
        "не хочу жити",
        "завдати собі шкоди",
        "краще б мене не було",
        "передозування",
    ),
}
