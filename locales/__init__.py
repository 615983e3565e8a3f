"""gettext catalogues (es, de, uk; English is the source), installed as ``bot.locales``."""
