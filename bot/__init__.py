"""A Telegram check-in bot for client-centred care."""

__version__ = "0.1.0"
