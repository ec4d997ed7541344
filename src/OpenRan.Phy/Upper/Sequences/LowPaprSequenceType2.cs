using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Sequences;

/// <summary>
/// Type-2 low-PAPR sequences of length M ≥ 30 (TS 38.211 §5.2.3.1): r̄(n) = (1/√M)·Σ_i r̃(i)·e^{−j2πin/M}, where r̃ is
/// the π/2-BPSK modulation (§5.1.1) of the Gold sequence c(i) (§5.2.1) initialised with the caller's c_init.
/// </summary>
/// <remarks>
/// Used by the PUSCH DM-RS with transform precoding and π/2-BPSK data (TS 38.211 §6.4.1.1.1.2). Lengths below 30 use
/// computer-generated sequences from TS 38.211 Tables 5.2.3.2-1 to -4, which this project does not hold: those lengths
/// are rejected. Plans its DFT at construction; not thread-safe.
/// </remarks>
public sealed class LowPaprSequenceType2
{
    /// <summary>Smallest length generated from the Gold sequence (TS 38.211 §5.2.3.1).</summary>
    public const int MinLength = 30;

    private readonly IFft _dft;
    private readonly ComplexF32[] _timeDomain;
    private readonly byte[] _bits;
    private readonly PseudoRandomSequence _prbs = new();

    /// <summary>Plans sequences of length <paramref name="length"/> (M ≥ 30).</summary>
    public LowPaprSequenceType2(int length)
    {
        ThrowHelper.ThrowIfOutside(length, MinLength, 6 * 2 * 275);
        _dft = FftFactory.Create(length, "auto", FftScaling.Unitary);
        _timeDomain = new ComplexF32[length];
        _bits = new byte[length];
    }

    /// <summary>The sequence length M.</summary>
    public int Length => _dft.Length;

    /// <summary>Writes r̄(n), n = 0..M−1, for the Gold sequence initialised with <paramref name="cInit"/>.</summary>
    public void Generate(uint cInit, Span<ComplexF32> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, Length, nameof(destination));
        _prbs.Initialize(cInit);
        _prbs.Generate(_bits);
        ModulationMapper.Map(_bits, ModulationScheme.Pi2Bpsk, _timeDomain);
        _dft.Transform(_timeDomain, destination, FftDirection.Forward);
    }
}
