using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Lower.Ofdm;

/// <summary>
/// Where the K grid subcarriers sit among the N FFT bins (TS 38.211 §5.3.1: subcarrier k at frequency
/// (k − K/2)·Δf, plus a shift): grid subcarrier k goes to bin (k − K/2 + shift) mod N. The grid splits into a part below DC
/// (wrapping to the top bins) and a part from DC upwards; the remaining N − K bins are the guard band.
/// </summary>
internal readonly struct OfdmSubcarrierMap
{
    public OfdmSubcarrierMap(int subcarrierCount, int fftSize, int shift)
    {
        SubcarrierCount = subcarrierCount;
        FftSize = fftSize;
        int split = (subcarrierCount / 2) - shift; // grid index that lands on bin 0
        NegativeCount = Math.Clamp(split, 0, subcarrierCount);
        NegativeFirstBin = fftSize - split;
        PositiveFirstSubcarrier = NegativeCount;
        PositiveFirstBin = Math.Max(0, -split);
        int firstBin = ((-split % fftSize) + fftSize) % fftSize;
        GuardFirstBin = (firstBin + subcarrierCount) % fftSize;
    }

    public int SubcarrierCount { get; }

    public int FftSize { get; }

    /// <summary>Subcarriers 0..NegativeCount−1 lie below DC.</summary>
    public int NegativeCount { get; }

    /// <summary>Bin of subcarrier 0 when it lies below DC (N − K/2 + shift).</summary>
    public int NegativeFirstBin { get; }

    /// <summary>First subcarrier at or above DC.</summary>
    public int PositiveFirstSubcarrier { get; }

    /// <summary>Bin of <see cref="PositiveFirstSubcarrier"/>.</summary>
    public int PositiveFirstBin { get; }

    /// <summary>First bin of the N − K guard bins (they run circularly from here).</summary>
    public int GuardFirstBin { get; }

    /// <summary>Signed frequency index (k − K/2 + shift) of grid subcarrier k.</summary>
    public int SignedBin(int k) => k < NegativeCount ? NegativeFirstBin + k - FftSize : PositiveFirstBin + k - PositiveFirstSubcarrier;

    /// <summary>Writes destination[bin(k)] = subcarriers[k]·factor for every k, and zeros the guard bins.</summary>
    public void Map(ReadOnlySpan<ComplexF32> subcarriers, ComplexF32 factor, Span<ComplexF32> bins)
    {
        if (NegativeCount > 0)
        {
            ComplexKernels.Scale(subcarriers[..NegativeCount], factor, bins.Slice(NegativeFirstBin, NegativeCount));
        }

        int positive = SubcarrierCount - PositiveFirstSubcarrier;
        if (positive > 0)
        {
            ComplexKernels.Scale(subcarriers[PositiveFirstSubcarrier..], factor, bins.Slice(PositiveFirstBin, positive));
        }

        int guard = FftSize - SubcarrierCount;
        int firstPiece = Math.Min(guard, FftSize - GuardFirstBin);
        bins.Slice(GuardFirstBin, firstPiece).Clear();
        bins[..(guard - firstPiece)].Clear();
    }

    /// <summary>Writes subcarriers[k] = bins[bin(k)]·factor for every k.</summary>
    public void Extract(ReadOnlySpan<ComplexF32> bins, ComplexF32 factor, Span<ComplexF32> subcarriers)
    {
        if (NegativeCount > 0)
        {
            ComplexKernels.Scale(bins.Slice(NegativeFirstBin, NegativeCount), factor, subcarriers[..NegativeCount]);
        }

        int positive = SubcarrierCount - PositiveFirstSubcarrier;
        if (positive > 0)
        {
            ComplexKernels.Scale(bins.Slice(PositiveFirstBin, positive), factor, subcarriers[PositiveFirstSubcarrier..]);
        }
    }
}
