using System;
using System.Globalization;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// The carrier of a py5gphy_matlab waveform file (README §4 "Time waveforms"): <c>scs</c> (kHz), <c>BW</c> (MHz, N_RB from
/// TS 38.101-1 Table 5.3.2-1), <c>SampleRate</c> (or waveform length / 10 ms when absent, as in <c>ssb/waveform</c>),
/// <c>CarrierFrequency</c> (Hz) when phase compensation was applied, and the waveform rows (one per antenna or layer).
/// </summary>
internal sealed class OfdmVectorCase
{
    private OfdmVectorCase(MatFile file, OfdmConfiguration configuration, MatNumericArray waveform, int matlabFftSize)
    {
        File = file;
        Configuration = configuration;
        Waveform = waveform;
        MatlabFftSize = matlabFftSize;
    }

    /// <summary>
    /// The FFT size MATLAB's <c>nrOFDMModulate</c> used. When it differs from N = f_s/Δf, MATLAB modulated at
    /// MatlabFftSize·Δf, scaled by 1/MatlabFftSize, and resampled to f_s with its own filter, so the stored waveform is
    /// (N/MatlabFftSize) times the exact one at f_s plus the resampler's error.
    /// </summary>
    public int MatlabFftSize { get; }

    /// <summary>Whether MATLAB resampled this waveform (see <see cref="MatlabFftSize"/>).</summary>
    public bool Resampled => MatlabFftSize != Timing.FftSize;

    /// <summary>Amplitude of the MATLAB waveform relative to ours (N / MatlabFftSize; 1 when not resampled).</summary>
    public float MatlabAmplitude => (float)Timing.FftSize / MatlabFftSize;

    public MatFile File { get; }

    public OfdmConfiguration Configuration { get; }

    public MatNumericArray Waveform { get; }

    public OfdmTiming Timing => Configuration.Timing;

    public int SampleCount => Waveform.Columns;

    /// <summary>Whole slots in the waveform.</summary>
    public int SlotCount
    {
        get
        {
            int slots = 0;
            int used = 0;
            while (used + Timing.SlotSampleCount(slots) <= SampleCount)
            {
                used += Timing.SlotSampleCount(slots);
                slots++;
            }

            return slots;
        }
    }

    /// <summary>Reads the carrier of <paramref name="path"/>; <paramref name="carrierFrequencyHz"/> overrides the file's CarrierFrequency when given.</summary>
    public static OfdmVectorCase Load(string path, double? carrierFrequencyHz = null)
    {
        MatFile file = MatFile.Load(path);
        var numerology = Numerology.FromSubcarrierSpacingKhz(file.Numeric("scs").ScalarInt32);
        int bandwidthMhz = file.Numeric("BW").ScalarInt32;
        int nSizeGrid = Ts38101Table5_3_2_1.GetMaxRbCount(FrequencyRange.Fr1, bandwidthMhz, numerology.SubcarrierSpacingKhz);
        MatNumericArray waveform = file.Numeric("waveform");
        double sampleRate = file.Contains("SampleRate")
            ? file.Numeric("SampleRate").ScalarDouble
            : waveform.Columns / 10e-3;
        OfdmTiming timing = OfdmTiming.ForSampleRate(numerology, CyclicPrefix.Normal, sampleRate, nSizeGrid);
        double f0 = carrierFrequencyHz ?? (file.Contains("CarrierFrequency") ? file.Numeric("CarrierFrequency").ScalarDouble : 0);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = nSizeGrid, CarrierFrequencyHz = f0 };
        return new OfdmVectorCase(file, configuration, waveform, MatlabNominalFftSize(nSizeGrid, timing.FftSize));
    }

    /// <summary>
    /// MATLAB's FFT size for a given sample rate (documented for <c>nrOFDMInfo</c> "Use Custom OFDM Sample Rate and Default
    /// FFT Size"): Nfft = 128·Y with ceil(12·N_RB/0.85/128) ≤ Y ≤ ceil(2·f_s/Δf/128), the Y whose Nfft shares the most
    /// factors with f_s/Δf (the smallest such Y on ties).
    /// </summary>
    public static int MatlabNominalFftSize(int nSizeGrid, int samplesPerUsefulPart)
    {
        int low = (int)Math.Ceiling(nSizeGrid * 12 / 0.85 / 128);
        int high = (int)Math.Ceiling(2.0 * samplesPerUsefulPart / 128);
        int best = 128 * low;
        int bestCommon = 0;
        for (int y = low; y <= high; y++)
        {
            int common = GreatestCommonDivisor(128 * y, samplesPerUsefulPart);
            if (common > bestCommon)
            {
                bestCommon = common;
                best = 128 * y;
            }
        }

        return best;
    }

    /// <summary>Modulates <paramref name="grid"/> port by port, slot after slot, into one waveform per port.</summary>
    /// <param name="grid">The multi-slot grid.</param>
    /// <param name="port">The port.</param>
    /// <param name="slotCount">Slots to modulate.</param>
    /// <param name="halfSubcarrierShift">Place every subcarrier ½ subcarrier higher (an SS/PBCH block with odd k_SSB at 30 kHz).</param>
    public ComplexF32[] Modulate(ResourceGrid grid, int port, int slotCount, bool halfSubcarrierShift = false)
    {
        var modulator = new OfdmModulator(Configuration with { HalfSubcarrierShift = halfSubcarrierShift });
        var samples = new ComplexF32[SampleCount];
        int offset = 0;
        var slotGrid = new ResourceGrid(1, Timing.SymbolsPerSlot, Configuration.SubcarrierCount);
        for (int slot = 0; slot < slotCount; slot++)
        {
            CopySlot(grid, port, slot, slotGrid);
            int length = modulator.SlotSampleCount(slot);
            modulator.Modulate(slotGrid, 0, slot, samples.AsSpan(offset, length));
            offset += length;
        }

        return samples;
    }

    /// <summary>Demodulates the waveform row <paramref name="row"/> into a multi-slot grid (symbol-major, as <c>fd_slot_data</c>).</summary>
    /// <param name="row">The waveform row.</param>
    /// <param name="slotCount">Slots to demodulate.</param>
    /// <param name="halfSubcarrierShift">Take every subcarrier from ½ subcarrier higher (an SS/PBCH block with odd k_SSB at 30 kHz).</param>
    public ComplexF32[] Demodulate(int row, int slotCount, bool halfSubcarrierShift = false)
    {
        ComplexF32[] samples = ToComplexF32(Waveform.RowComplex(row));
        var demodulator = new OfdmDemodulator(Configuration with { HalfSubcarrierShift = halfSubcarrierShift });
        int symbols = Timing.SymbolsPerSlot;
        int k = Configuration.SubcarrierCount;
        var slotGrid = new ResourceGrid(1, symbols, k);
        var result = new ComplexF32[slotCount * symbols * k];
        int offset = 0;
        for (int slot = 0; slot < slotCount; slot++)
        {
            int length = demodulator.SlotSampleCount(slot);
            demodulator.Demodulate(samples.AsSpan(offset, length), slot, slotGrid, 0);
            slotGrid.Port(0).CopyTo(result.AsSpan(slot * symbols * k));
            offset += length;
        }

        return result;
    }

    /// <summary>A grid of one port holding every slot of a symbol-major row (slot·14·K + l·K + k).</summary>
    public ResourceGrid GridFromRows(ComplexF32[][] rows)
    {
        int k = Configuration.SubcarrierCount;
        int symbols = rows[0].Length / k;
        var grid = new ResourceGrid(rows.Length, symbols, k);
        for (int p = 0; p < rows.Length; p++)
        {
            rows[p].CopyTo(grid.Port(p));
        }

        return grid;
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    public static ComplexF32[] ToComplexF32(Complex[] values) => Array.ConvertAll(values, v => new ComplexF32((float)v.Real, (float)v.Imaginary));

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Timing.Numerology}, {Configuration.NSizeGrid} RB, N={Timing.FftSize} ({Timing.SampleRateHz / 1e6:G6} Msps), f0={Configuration.CarrierFrequencyHz / 1e6:G9} MHz, {SlotCount} slots{(Resampled ? $", MATLAB modulated at Nfft={MatlabFftSize} and resampled" : string.Empty)}");

    private void CopySlot(ResourceGrid grid, int port, int slot, ResourceGrid slotGrid)
    {
        int symbols = Timing.SymbolsPerSlot;
        for (int l = 0; l < symbols; l++)
        {
            grid.Symbol(port, (slot * symbols) + l).CopyTo(slotGrid.Symbol(0, l));
        }
    }
}
