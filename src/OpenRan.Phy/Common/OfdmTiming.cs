using System;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Phy.Common;

/// <summary>
/// OFDM symbol timing of one numerology at one sample rate (TS 38.211 §5.3.1): useful part N_u = 2048κ·2^−μ·T_c and cyclic
/// prefix N_CP,l = 144κ·2^−μ·T_c, plus 16κ·T_c for l = 0 and l = 7·2^μ of every subframe (normal CP), or 512κ·2^−μ·T_c
/// (extended CP), κ = 64. At sample rate f_s = N·Δf (FFT size N) that is N samples of useful part and
/// 144·N/2048 (+N·2^μ/128) or N/4 samples of cyclic prefix; a subframe holds exactly 15·2^μ·N samples.
/// </summary>
public sealed class OfdmTiming
{
    /// <summary>Largest occupancy 12·N_RB / N the automatic FFT-size rules allow (85 %).</summary>
    public const double MaxOccupancy = 0.85;

    private readonly int[] _cyclicPrefixLengths;
    private readonly int[] _symbolOffsets;

    /// <summary>Timing for FFT size <paramref name="fftSize"/> (sample rate N·Δf).</summary>
    /// <param name="numerology">μ.</param>
    /// <param name="cyclicPrefix">Normal, or extended (μ = 2 only).</param>
    /// <param name="fftSize">N, a multiple of 128 in 128..65536 (so every N_CP is a whole number of samples).</param>
    public OfdmTiming(Numerology numerology, CyclicPrefix cyclicPrefix, int fftSize)
    {
        if (!numerology.Supports(cyclicPrefix))
        {
            ThrowHelper.ThrowArgument(nameof(cyclicPrefix), $"extended cyclic prefix needs μ = 2 (60 kHz) (TS 38.211 Table 4.2-1); got {numerology}.");
        }

        if (fftSize < 128 || fftSize > 65536 || fftSize % 128 != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(fftSize), fftSize, "multiples of 128 in 128..65536 (N_CP = 144·N/2048 samples must be whole)");
        }

        Numerology = numerology;
        CyclicPrefix = cyclicPrefix;
        FftSize = fftSize;
        int symbols = numerology.SymbolsPerSubframe(cyclicPrefix);
        _cyclicPrefixLengths = new int[symbols];
        _symbolOffsets = new int[symbols + 1];
        int offset = 0;
        for (int l = 0; l < symbols; l++)
        {
            int cp = cyclicPrefix == CyclicPrefix.Extended
                ? fftSize / 4
                : (144 * fftSize / 2048) + (l == 0 || l == 7 * numerology.SlotsPerSubframe ? (fftSize << numerology.Mu) / 128 : 0);
            _cyclicPrefixLengths[l] = cp;
            _symbolOffsets[l] = offset;
            offset += cp + fftSize;
        }

        _symbolOffsets[symbols] = offset;
    }

    /// <summary>μ.</summary>
    public Numerology Numerology { get; }

    /// <summary>Normal or extended.</summary>
    public CyclicPrefix CyclicPrefix { get; }

    /// <summary>FFT size N (samples of the useful part of a symbol).</summary>
    public int FftSize { get; }

    /// <summary>Sample rate f_s = N·Δf in Hz.</summary>
    public double SampleRateHz => (double)FftSize * Numerology.SubcarrierSpacingHz;

    /// <summary>OFDM symbols per slot.</summary>
    public int SymbolsPerSlot => Numerology.SymbolsPerSlot(CyclicPrefix);

    /// <summary>OFDM symbols per subframe.</summary>
    public int SymbolsPerSubframe => _cyclicPrefixLengths.Length;

    /// <summary>Samples per 1 ms subframe, 15·2^μ·N.</summary>
    public int SamplesPerSubframe => _symbolOffsets[^1];

    /// <summary>Samples per 10 ms frame.</summary>
    public int SamplesPerFrame => NrConstants.SubframesPerFrame * SamplesPerSubframe;

    /// <summary>N_CP,l in samples for symbol <paramref name="symbolInSubframe"/> (0..<see cref="SymbolsPerSubframe"/>−1).</summary>
    public int CyclicPrefixLength(int symbolInSubframe) => _cyclicPrefixLengths[CheckSymbol(symbolInSubframe)];

    /// <summary>Samples from the start of the subframe to the start (cyclic prefix) of symbol <paramref name="symbolInSubframe"/>.</summary>
    public int SymbolOffset(int symbolInSubframe) => _symbolOffsets[CheckSymbol(symbolInSubframe)];

    /// <summary>Samples from the start of the subframe to the start of the useful part of the symbol (t_start,l + N_CP,l·T_c in samples).</summary>
    public int UsefulPartOffset(int symbolInSubframe) => SymbolOffset(symbolInSubframe) + _cyclicPrefixLengths[symbolInSubframe];

    /// <summary>The first symbol of slot <paramref name="slot"/> within its subframe (slot taken modulo 2^μ).</summary>
    public int FirstSymbolOfSlot(int slot) => SlotInSubframe(slot) * SymbolsPerSlot;

    /// <summary>Samples of slot <paramref name="slot"/> (any slot number; only slot mod 2^μ matters, the long CPs fall in slots 0 and 2^(μ−1)).</summary>
    public int SlotSampleCount(int slot)
    {
        int first = FirstSymbolOfSlot(slot);
        return _symbolOffsets[first + SymbolsPerSlot] - _symbolOffsets[first];
    }

    /// <summary>Samples from the start of the subframe to the start of slot <paramref name="slot"/>.</summary>
    public int SlotOffsetInSubframe(int slot) => _symbolOffsets[FirstSymbolOfSlot(slot)];

    /// <summary>The largest slot length in samples (for sizing buffers).</summary>
    public int MaxSlotSampleCount
    {
        get
        {
            int max = 0;
            for (int s = 0; s < Numerology.SlotsPerSubframe; s++)
            {
                max = Math.Max(max, SlotSampleCount(s));
            }

            return max;
        }
    }

    /// <summary>
    /// The FFT size for a grid of <paramref name="nSizeGrid"/> resource blocks under <paramref name="rule"/>: the smallest
    /// allowed size ≥ 128 with occupancy 12·N_RB/N ≤ <see cref="MaxOccupancy"/>.
    /// </summary>
    /// <param name="nSizeGrid">N_grid^size, 1..275.</param>
    /// <param name="rule">Which sizes are allowed.</param>
    public static int SelectFftSize(int nSizeGrid, FftSizeRule rule = FftSizeRule.PowerOfTwo)
    {
        ThrowHelper.ThrowIfOutside(nSizeGrid, 1, NrConstants.MaxPrb);
        int subcarriers = nSizeGrid * NrConstants.SubcarriersPerRb;
        for (int n = 128; ; n *= 2)
        {
            if (rule == FftSizeRule.Compact && n >= 512 && subcarriers <= MaxOccupancy * (3 * n / 4))
            {
                return 3 * n / 4;
            }

            if (subcarriers <= MaxOccupancy * n)
            {
                return n;
            }
        }
    }

    /// <summary>Timing for a grid with the FFT size chosen by <paramref name="rule"/>.</summary>
    public static OfdmTiming ForGrid(Numerology numerology, CyclicPrefix cyclicPrefix, int nSizeGrid, FftSizeRule rule = FftSizeRule.PowerOfTwo) =>
        new(numerology, cyclicPrefix, SelectFftSize(nSizeGrid, rule));

    /// <summary>
    /// Timing at a sample rate the user chose: N = f_s/Δf must be a whole multiple of 128 (whole CP lengths) and cover the
    /// grid (N ≥ 12·N_RB).
    /// </summary>
    /// <exception cref="ArgumentException">The sample rate gives no usable FFT size; the message says why.</exception>
    public static OfdmTiming ForSampleRate(Numerology numerology, CyclicPrefix cyclicPrefix, double sampleRateHz, int nSizeGrid)
    {
        ThrowHelper.ThrowIfOutside(nSizeGrid, 1, NrConstants.MaxPrb);
        double n = sampleRateHz / numerology.SubcarrierSpacingHz;
        long rounded = (long)Math.Round(n);
        if (!(sampleRateHz > 0) || Math.Abs(n - rounded) > 1e-9 * n || rounded % 128 != 0 || rounded > 65536)
        {
            ThrowHelper.ThrowArgument(nameof(sampleRateHz), string.Create(CultureInfo.InvariantCulture, $"sample rate {sampleRateHz / 1e6:G9} MHz is not a multiple of 128·Δf = {128 * numerology.SubcarrierSpacingHz / 1e6:G9} MHz (up to 65536·Δf), so the FFT size or the cyclic prefixes would not be whole numbers of samples."));
        }

        int subcarriers = nSizeGrid * NrConstants.SubcarriersPerRb;
        if (rounded < subcarriers)
        {
            ThrowHelper.ThrowArgument(nameof(sampleRateHz), string.Create(CultureInfo.InvariantCulture, $"sample rate {sampleRateHz / 1e6:G9} MHz gives an FFT of {rounded} points, fewer than the {subcarriers} subcarriers of {nSizeGrid} RB; at least {Math.Ceiling(subcarriers / 128.0) * 128 * numerology.SubcarrierSpacingHz / 1e6:G9} MHz is needed."));
        }

        return new OfdmTiming(numerology, cyclicPrefix, (int)rounded);
    }

    private int SlotInSubframe(int slot)
    {
        if (slot < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(slot), slot, "≥ 0");
        }

        return slot % Numerology.SlotsPerSubframe;
    }

    private int CheckSymbol(int symbolInSubframe)
    {
        if ((uint)symbolInSubframe >= (uint)_cyclicPrefixLengths.Length)
        {
            ThrowHelper.ThrowOutOfRange(nameof(symbolInSubframe), symbolInSubframe, $"0..{_cyclicPrefixLengths.Length - 1}");
        }

        return symbolInSubframe;
    }
}
