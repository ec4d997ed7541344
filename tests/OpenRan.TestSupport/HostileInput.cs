using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;

namespace OpenRan.TestSupport;

/// <summary>The kinds of input a receiver must never report as a decode (issue 13).</summary>
public enum HostileInputKind
{
    /// <summary>Every value 0: a silent radio (the ZMQ radio fills silence with zeros), an erased slot.</summary>
    AllZero,

    /// <summary>Subnormal values (±1.4e-45 .. ±1.18e-38): energies underflow to 0 in float arithmetic.</summary>
    Denormal,

    /// <summary>Complex AWGN (or Gaussian LLRs) with no signal, at one of <see cref="HostileInput.NoiseLevels"/>.</summary>
    NoiseOnly,
}

/// <summary>Seeded generators of hostile receiver inputs: all-zero, subnormal, noise-only and corrupted (non-finite, huge) values.</summary>
public static class HostileInput
{
    /// <summary>Noise standard deviations (per real dimension for LLRs; per complex sample for REs) spanning "nearly erased" to "saturated".</summary>
    public static ReadOnlySpan<double> NoiseLevels => [1e-30, 1e-3, 0.3, 1, 3, 30, 1e4];

    /// <summary>The corrupt values of issue 13 §2.</summary>
    public static ReadOnlySpan<float> CorruptValues => [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 3e38f, -3e38f];

    /// <summary>Fills float LLRs with the given kind (noise: N(0, level²)).</summary>
    public static void Fill(Span<float> values, HostileInputKind kind, double level, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = kind switch
            {
                HostileInputKind.AllZero => 0f,
                HostileInputKind.Denormal => Denormal(random),
                _ => (float)(level * StandardNormal.Next(random)),
            };
        }
    }

    /// <summary>Fills int8 LLRs: all-zero, the quantization of subnormal values (0), or N(0, level²) rounded and clamped to ±127.</summary>
    public static void Fill(Span<sbyte> values, HostileInputKind kind, double level, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = kind switch
            {
                HostileInputKind.AllZero => 0,
                HostileInputKind.Denormal => LogLikelihoodRatio.Quantize(Denormal(random), 4f),
                _ => (sbyte)Math.Clamp(Math.Round(level * StandardNormal.Next(random)), -127, 127),
            };
        }
    }

    /// <summary>Fills complex samples: zeros, subnormal parts, or CN(0, level²) noise.</summary>
    public static void Fill(Span<ComplexF32> values, HostileInputKind kind, double level, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double sigma = level / Math.Sqrt(2);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = kind switch
            {
                HostileInputKind.AllZero => default,
                HostileInputKind.Denormal => new ComplexF32(Denormal(random), Denormal(random)),
                _ => new ComplexF32((float)(sigma * StandardNormal.Next(random)), (float)(sigma * StandardNormal.Next(random))),
            };
        }
    }

    /// <summary>Replaces <paramref name="count"/> random entries (with repetition) by a random one of <see cref="CorruptValues"/> in either part.</summary>
    public static void Corrupt(Span<ComplexF32> values, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ReadOnlySpan<float> corrupt = CorruptValues;
        for (int n = 0; n < count; n++)
        {
            int i = random.Next(values.Length);
            float bad = corrupt[random.Next(corrupt.Length)];
            values[i] = random.Next(3) switch
            {
                0 => new ComplexF32(bad, values[i].Im),
                1 => new ComplexF32(values[i].Re, bad),
                _ => new ComplexF32(bad, bad),
            };
        }
    }


    private static float Denormal(Random random)
    {
        // A random subnormal bit pattern (exponent field 0, mantissa ≠ 0): ±1.4e-45 .. ±1.18e-38, below float.MinNormal.
        int bits = random.Next(1, 1 << 23) | (random.Next(2) << 31);
        return BitConverter.Int32BitsToSingle(bits);
    }
}
