//! Linear models over hashed features, and their compact file format.
//!
//! File: magic `TASENT2\n`, then two models (text, target), each `u8 outputs, u8 bits, f32 scale, u32 count` followed by
//! `count` entries of `u32 index` and `outputs` x `i16` weights (weight =
//! value x scale). Zero rows are left out. Little-endian throughout.

use super::features::{Features, BITS};
use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"TASENT2\n";

/// Outputs of the text model: valence, then negative, neutral, positive logits.
pub(crate) const TEXT_OUTPUTS: usize = 4;

/// Weights of one linear model: `outputs` scores per feature index.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Linear {
    pub outputs: usize,
    /// Row-major: feature index x outputs.
    pub weights: Vec<f32>,
}

impl Linear {
    /// All-zero weights.
    pub(crate) fn zeros(outputs: usize) -> Linear {
        Linear {
            outputs,
            weights: vec![0.0; (1usize << BITS) * outputs],
        }
    }

    /// One model whose outputs are `self`'s followed by `other`'s, so a
    /// feature's weights for both share a cache line at scoring time.
    pub(crate) fn stack(&self, other: &Linear) -> Linear {
        let outputs = self.outputs + other.outputs;
        let weights = self
            .weights
            .chunks(self.outputs)
            .zip(other.weights.chunks(other.outputs))
            .flat_map(|(a, b)| a.iter().chain(b).copied())
            .collect();
        Linear { outputs, weights }
    }

    /// Scores for `f`, written into `out` (length `outputs`).
    pub(crate) fn predict(&self, f: &Features, out: &mut [f32]) {
        out.fill(0.0);
        for (&i, &v) in f.idx.iter().zip(&f.val) {
            let row = &self.weights[i as usize * self.outputs..(i as usize + 1) * self.outputs];
            for (o, w) in out.iter_mut().zip(row) {
                *o += w * v;
            }
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        let max = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let rows: Vec<usize> = (0..self.weights.len() / self.outputs)
            .filter(|&r| {
                self.weights[r * self.outputs..(r + 1) * self.outputs]
                    .iter()
                    .any(|w| (w / scale).round() != 0.0)
            })
            .collect();
        // The smallest space holding every stored row, so a model trained on
        // a smaller hashed space loads as a smaller table.
        let bits = rows
            .last()
            .map_or(0, |&r| usize::BITS - r.leading_zeros())
            .max(8);
        out.push(u8::try_from(self.outputs).expect("a handful of outputs"));
        out.push(bits as u8);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for r in rows {
            out.extend_from_slice(&(r as u32).to_le_bytes());
            for w in &self.weights[r * self.outputs..(r + 1) * self.outputs] {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
    }

    #[cfg(test)]
    fn read(bytes: &mut &[u8]) -> Result<Linear> {
        let mut model: Option<Linear> = None;
        read_rows(bytes, |outputs, _, scale, r, o, q| {
            let m = model.get_or_insert_with(|| Linear::zeros(outputs));
            if r < usize::MAX {
                m.weights[r * outputs + o] = f32::from(q) * scale;
            }
        })?;
        model.ok_or_else(|| bad("no model"))
    }
}

fn bad(reason: &str) -> Error {
    Error::Model {
        name: "sentiment",
        reason: reason.to_owned(),
    }
}

/// Parse one model's header and rows, calling `put(outputs, bits, scale,
/// row, output, weight)` once with `row == usize::MAX` after the header, then
/// for every stored weight.
fn read_rows(
    bytes: &mut &[u8],
    mut put: impl FnMut(usize, u32, f32, usize, usize, i16),
) -> Result<()> {
    let outputs = usize::from(take::<1>(bytes).ok_or_else(|| bad("truncated header"))?[0]);
    let bits = u32::from(take::<1>(bytes).ok_or_else(|| bad("truncated header"))?[0]);
    if bits > BITS || outputs == 0 {
        return Err(bad("feature space or outputs do not match this build"));
    }
    let scale = f32::from_le_bytes(take::<4>(bytes).ok_or_else(|| bad("truncated header"))?);
    let count = u32::from_le_bytes(take::<4>(bytes).ok_or_else(|| bad("truncated header"))?);
    put(outputs, bits, scale, usize::MAX, 0, 0);
    for _ in 0..count {
        let r =
            u32::from_le_bytes(take::<4>(bytes).ok_or_else(|| bad("truncated weights"))?) as usize;
        if r >= 1 << bits {
            return Err(bad("feature index out of range"));
        }
        for o in 0..outputs {
            let q = i16::from_le_bytes(take::<2>(bytes).ok_or_else(|| bad("truncated weights"))?);
            put(outputs, bits, scale, r, o, q);
        }
    }
    Ok(())
}

/// A linear model for scoring: the file's i16 weights and their scale, half
/// the memory of [`Linear`] (fewer cache misses on the hashed lookups), with
/// the same scores (each weight is `q x scale` as in [`Linear::read`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Compact {
    outputs: usize,
    scale: f32,
    /// Row-major: feature index x outputs.
    weights: Vec<i16>,
}

impl Compact {
    fn read(bytes: &mut &[u8]) -> Result<Compact> {
        let mut model: Option<Compact> = None;
        read_rows(bytes, |outputs, bits, scale, r, o, q| {
            let m = model.get_or_insert_with(|| Compact {
                outputs,
                scale,
                weights: vec![0; (1usize << bits) * outputs],
            });
            if r < usize::MAX {
                m.weights[r * outputs + o] = q;
            }
        })?;
        model.ok_or_else(|| bad("no model"))
    }

    /// The weights of feature `index`, one per output.
    pub(crate) fn row(&self, index: u32) -> impl Iterator<Item = f32> + '_ {
        let at = index as usize * self.outputs;
        let row = self.weights.get(at..at + self.outputs).unwrap_or(&[]);
        row.iter().map(|&q| f32::from(q) * self.scale)
    }

    /// Scores for `f`, written into `out` (length `outputs`).
    pub(crate) fn predict(&self, f: &Features, out: &mut [f32]) {
        out.fill(0.0);
        for (&i, &v) in f.idx.iter().zip(&f.val) {
            self.add_row(i, v, out);
        }
    }

    /// Adds `value` times the weights of feature `index` to `out`.
    #[inline]
    pub(crate) fn add_row(&self, index: u32, value: f32, out: &mut [f32]) {
        let at = index as usize * self.outputs;
        let Some(row) = self.weights.get(at..at + self.outputs) else {
            return;
        };
        for (o, &q) in out.iter_mut().zip(row) {
            *o += f32::from(q) * self.scale * value;
        }
    }
}

/// The two models in their scoring form.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scoring {
    /// See [`Models::text`].
    pub text: Compact,
    /// See [`Models::target`].
    pub target: Compact,
}

impl Scoring {
    /// Parse the model file format.
    pub(crate) fn from_bytes(mut bytes: &[u8]) -> Result<Scoring> {
        bytes = strip_magic(bytes)?;
        let text = Compact::read(&mut bytes)?;
        let target = Compact::read(&mut bytes)?;
        if text.outputs != TEXT_OUTPUTS || target.outputs != 3 {
            return Err(bad("unexpected model shapes"));
        }
        Ok(Scoring { text, target })
    }
}

fn strip_magic(bytes: &[u8]) -> Result<&[u8]> {
    match bytes.strip_prefix(MAGIC.as_slice()) {
        Some(rest) => Ok(rest),
        None => Err(bad("not a sentiment model file")),
    }
}

fn take<const N: usize>(bytes: &mut &[u8]) -> Option<[u8; N]> {
    let (head, rest) = bytes.split_first_chunk::<N>()?;
    *bytes = rest;
    Some(*head)
}

/// The two trained models the scorer uses.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Models {
    /// [`TEXT_OUTPUTS`] outputs: a text's valence on the label scale (a
    /// regression), then its negative, neutral and positive logits (a
    /// classifier trained apart).
    pub text: Linear,
    /// Three outputs: negative, neutral, positive logits toward a target.
    pub target: Linear,
}

impl Models {
    /// Serialise to the model file format.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.text.write(&mut out);
        self.target.write(&mut out);
        out
    }

    /// Parse the model file format (the scorer reads it as [`Scoring`]).
    #[cfg(test)]
    pub(crate) fn from_bytes(mut bytes: &[u8]) -> Result<Models> {
        bytes = strip_magic(bytes)?;
        let text = Linear::read(&mut bytes)?;
        let target = Linear::read(&mut bytes)?;
        if text.outputs != TEXT_OUTPUTS || target.outputs != 3 {
            return Err(bad("unexpected model shapes"));
        }
        Ok(Models { text, target })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_file_round_trips_within_quantisation() {
        let mut models = Models {
            text: Linear::zeros(TEXT_OUTPUTS),
            target: Linear::zeros(3),
        };
        models.text.weights[5] = 0.5;
        models.target.weights[3 * 7 + 2] = -1.25;
        let back = Models::from_bytes(&models.to_bytes()).unwrap();
        assert!((back.text.weights[5] - 0.5).abs() < 1e-4);
        assert!((back.target.weights[3 * 7 + 2] + 1.25).abs() < 1e-4);
    }

    #[test]
    fn compact_scores_equal_the_full_model() {
        let mut models = Models {
            text: Linear::zeros(TEXT_OUTPUTS),
            target: Linear::zeros(3),
        };
        models.text.weights[70] = 0.37;
        models.target.weights[3 * 70 + 1] = -0.8;
        models.target.weights[3 * 99] = 0.21;
        let bytes = models.to_bytes();
        let (full, compact) = (
            Models::from_bytes(&bytes).unwrap(),
            Scoring::from_bytes(&bytes).unwrap(),
        );
        let f = Features {
            idx: vec![70, 99, 5],
            val: vec![0.5, -1.5, 2.0],
            ..Features::default()
        };
        let (mut a, mut b) = ([0.0f32; 4], [0.0f32; 4]);
        full.target.predict(&f, &mut a[..3]);
        compact.target.predict(&f, &mut b[..3]);
        assert_eq!(a, b);
        assert!(a[1] < 0.0 && a[0] < 0.0);
        full.text.predict(&f, &mut a);
        compact.text.predict(&f, &mut b);
        assert_eq!(a, b);
        assert!(Scoring::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn stacked_model_scores_both_parts() {
        let mut one = Linear::zeros(1);
        let mut three = Linear::zeros(3);
        one.weights[70] = 0.5;
        three.weights[3 * 70 + 2] = -2.0;
        let both = one.stack(&three);
        let f = Features {
            idx: vec![70],
            val: vec![2.0],
            ..Features::default()
        };
        let mut out = [0.0f32; 4];
        both.predict(&f, &mut out);
        assert_eq!(out, [1.0, 0.0, 0.0, -4.0]);
    }

    #[test]
    fn truncated_model_file_is_an_error() {
        let models = Models {
            text: Linear::zeros(TEXT_OUTPUTS),
            target: Linear::zeros(3),
        };
        let bytes = models.to_bytes();
        assert!(Models::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(Models::from_bytes(b"nonsense").is_err());
    }
}
