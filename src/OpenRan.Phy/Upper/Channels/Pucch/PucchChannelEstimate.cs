using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The channel estimate of one PUCCH occasion (formats 2–4): per receive antenna, hop and PRB a complex gain in a frame
/// de-rotated by the estimated time alignment, so the channel at subcarrier k (0..12·N_PRB − 1 of the allocation) is
/// ĥ_{r,hop,prb}·e^{jσk} with σ the phase slope per subcarrier; the noise variance; and the DM-RS statistics of the DTX
/// test (energy captured by the per-block fits and total DM-RS energy). Sized once; allocation-free; not thread-safe.
/// </summary>
public sealed class PucchChannelEstimate
{
    private readonly ComplexF32[] _gain = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * 2 * 16];
    private readonly ComplexF32[] _ramp = new ComplexF32[16 * NrConstants.SubcarriersPerRb];
    private double _slope;

    /// <summary>Receive antennas.</summary>
    public int RxAntennaCount { get; private set; }

    /// <summary>PRBs per symbol.</summary>
    public int PrbCount { get; private set; }

    /// <summary>σ, the phase slope of the channel per subcarrier (radians); −2π·Δf·τ for a delay τ.</summary>
    public double PhaseSlopePerSubcarrier
    {
        get => _slope;
        set
        {
            // e^{jσk} by a double-precision recurrence (error ~k·1e-16, far below float resolution for k < 192).
            _slope = value;
            double stepRe = Math.Cos(value), stepIm = Math.Sin(value);
            double re = 1, im = 0;
            for (int k = 0; k < _ramp.Length; k++)
            {
                _ramp[k] = new ComplexF32((float)re, (float)im);
                (re, im) = ((re * stepRe) - (im * stepIm), (re * stepIm) + (im * stepRe));
            }
        }
    }

    /// <summary>e^{jσk}, k = 0..12·N_PRB − 1.</summary>
    public ReadOnlySpan<ComplexF32> PhaseRamp => _ramp.AsSpan(0, PrbCount * NrConstants.SubcarriersPerRb);

    /// <summary>The estimated noise variance per RE (the same at every antenna).</summary>
    public double NoiseVariance { get; set; }

    /// <summary>Energy of the DM-RS REs captured by the per-block channel fits (with the noise of one dimension per block).</summary>
    public double CapturedEnergy { get; set; }

    /// <summary>Total energy of the DM-RS REs.</summary>
    public double DmrsEnergy { get; set; }

    /// <summary>Blocks of the DTX test (one complex dimension each).</summary>
    public int Blocks { get; set; }

    /// <summary>Complex dimensions of the DTX test (DM-RS REs that were not erased).</summary>
    public int Dimensions { get; set; }

    /// <summary>Reference signal received power per RE (average over antennas, noise removed).</summary>
    public double Rsrp { get; set; }

    /// <summary>Starts an estimate for <paramref name="rxAntennas"/> antennas and <paramref name="prbCount"/> PRBs (gains cleared).</summary>
    public void Reset(int rxAntennas, int prbCount)
    {
        ThrowHelper.ThrowIfOutside(rxAntennas, 1, PucchResourceElementExtractor.MaxRxAntennas);
        ThrowHelper.ThrowIfOutside(prbCount, 1, 16);
        RxAntennaCount = rxAntennas;
        PrbCount = prbCount;
        _gain.AsSpan(0, rxAntennas * 2 * prbCount).Clear();
        NoiseVariance = 0;
        CapturedEnergy = 0;
        DmrsEnergy = 0;
        Blocks = 0;
        Dimensions = 0;
        Rsrp = 0;
    }

    /// <summary>The de-rotated gain of antenna r, hop and PRB.</summary>
    public ref ComplexF32 Gain(int r, int hop, int prb) => ref _gain[(((r * 2) + hop) * PrbCount) + prb];

    /// <summary>Writes the channel of antenna r in hop <paramref name="hop"/> at the 12·N_PRB subcarriers of the allocation.</summary>
    public void Channel(int r, int hop, Span<ComplexF32> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, PrbCount * NrConstants.SubcarriersPerRb, nameof(destination));
        for (int k = 0; k < destination.Length; k++)
        {
            destination[k] = Gain(r, hop, k / NrConstants.SubcarriersPerRb) * _ramp[k];
        }
    }

    /// <summary>The time alignment in seconds for subcarrier spacing <paramref name="subcarrierSpacingHz"/>: τ = −σ/(2π·Δf).</summary>
    public double TimeAlignmentSeconds(double subcarrierSpacingHz) => -PhaseSlopePerSubcarrier / (2 * Math.PI * subcarrierSpacingHz);
}
