using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Lower.Ofdm;

/// <summary>
/// OFDM demodulation, the inverse of <see cref="OfdmModulator"/>: per symbol, the cyclic prefix is skipped (the FFT window
/// may start <see cref="OfdmConfiguration.FftWindowOffsetSamples"/> early, its linear phase corrected per subcarrier), the
/// window is transformed, the K grid subcarriers are taken from around DC (plus shift), and the phase compensation
/// (TS 38.211 §5.4) and scaling are removed. Configured once; slot and symbol calls allocate nothing. Not thread-safe.
/// </summary>
public sealed class OfdmDemodulator
{
    private readonly OfdmSymbolResources _resources;
    private readonly ComplexF32[]? _windowCorrection;
    private readonly float _scale;

    /// <summary>Builds the FFT plan, phase and window-correction tables and buffers for <paramref name="configuration"/>.</summary>
    public OfdmDemodulator(OfdmConfiguration configuration)
    {
        _resources = new OfdmSymbolResources(configuration);
        Configuration = configuration;
        int n = configuration.Timing.FftSize;

        // The inverse of the modulator's factor (1/N → 1, 1/√N → 1/√N with the unscaled FFT's N, 1 → 1/N).
        _scale = 1f / (n * OfdmSymbolResources.ModulationFactor(configuration.Scaling, n));
        int offset = configuration.FftWindowOffsetSamples;
        if (offset != 0)
        {
            // A window starting `offset` samples early sees the symbol delayed by `offset`: bin b is multiplied by
            // e^(−j2π·b·offset/N). Undo it with e^(+j2π·b·offset/N), b the signed bin of subcarrier k.
            _windowCorrection = new ComplexF32[configuration.SubcarrierCount];
            for (int k = 0; k < _windowCorrection.Length; k++)
            {
                long turns = ((long)_resources.Map.SignedBin(k) * offset) % n;
                _windowCorrection[k] = ComplexF32.FromPolar(1.0, 2.0 * Math.PI * turns / n);
            }
        }
    }

    /// <summary>The configuration.</summary>
    public OfdmConfiguration Configuration { get; }

    /// <summary>The FFT implementation in use.</summary>
    public string FftImplementation => _resources.Fft.Implementation;

    /// <summary>Samples of slot <paramref name="slot"/>.</summary>
    public int SlotSampleCount(int slot) => Configuration.Timing.SlotSampleCount(slot);

    /// <summary>Demodulates a whole slot into one port of <paramref name="grid"/>.</summary>
    /// <param name="samples">At least <see cref="SlotSampleCount"/> samples, starting at the slot's first cyclic prefix.</param>
    /// <param name="slot">The slot number (slot mod 2^μ selects CP lengths and phases).</param>
    /// <param name="grid">Receives N_symb^slot symbols of K subcarriers.</param>
    /// <param name="port">The port to fill.</param>
    public void Demodulate(ReadOnlySpan<ComplexF32> samples, int slot, ResourceGrid grid, int port)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ThrowHelper.ThrowIfLengthDiffers(grid.SymbolCount, Configuration.Timing.SymbolsPerSlot, nameof(grid));
        Demodulate(samples, slot, 0, grid.SymbolCount, grid, port);
    }

    /// <summary>Demodulates symbols <paramref name="firstSymbol"/>..+<paramref name="symbolCount"/>−1 of a slot; the samples start at the cyclic prefix of <paramref name="firstSymbol"/>.</summary>
    public void Demodulate(ReadOnlySpan<ComplexF32> samples, int slot, int firstSymbol, int symbolCount, ResourceGrid grid, int port)
    {
        ArgumentNullException.ThrowIfNull(grid);
        OfdmTiming timing = Configuration.Timing;
        int firstInSubframe = OfdmSlotRange.Check(grid, Configuration, slot, firstSymbol, symbolCount, samples.Length, nameof(samples));
        int offset = 0;
        for (int i = 0; i < symbolCount; i++)
        {
            int l = firstInSubframe + i;
            int length = timing.CyclicPrefixLength(l) + timing.FftSize;
            DemodulateSymbol(samples.Slice(offset, length), l, grid.Symbol(port, firstSymbol + i));
            offset += length;
        }
    }

    /// <summary>Demodulates one OFDM symbol.</summary>
    /// <param name="samples">Exactly N_CP,l + N samples, from the start of the cyclic prefix.</param>
    /// <param name="symbolInSubframe">l within the subframe.</param>
    /// <param name="subcarriers">Receives the K resource elements.</param>
    public void DemodulateSymbol(ReadOnlySpan<ComplexF32> samples, int symbolInSubframe, Span<ComplexF32> subcarriers)
    {
        OfdmTiming timing = Configuration.Timing;
        int cp = timing.CyclicPrefixLength(symbolInSubframe);
        int n = timing.FftSize;
        ThrowHelper.ThrowIfLengthDiffers(samples.Length, cp + n, nameof(samples));
        ThrowHelper.ThrowIfLengthDiffers(subcarriers.Length, Configuration.SubcarrierCount, nameof(subcarriers));
        ReadOnlySpan<ComplexF32> window = samples.Slice(cp - Configuration.FftWindowOffsetSamples, n);
        if (_resources.HalfShiftRamp is { } ramp)
        {
            // Bring the tones at b + ½ onto bin b: multiply sample n (n = −offset … N − offset − 1 from the useful start)
            // by e^(−jπn/N); for negative n, e^(−jπn/N) = −conj(ramp[n + N]).
            Span<ComplexF32> derotated = _resources.Scratch;
            int early = Configuration.FftWindowOffsetSamples;
            for (int i = 0; i < n; i++)
            {
                int m = i - early;
                derotated[i] = m >= 0 ? window[i] * ramp[m].Conjugate : -(window[i] * ramp[m + n].Conjugate);
            }

            window = derotated;
        }

        _resources.Fft.Transform(window, _resources.Bins, FftDirection.Forward);
        _resources.Map.Extract(_resources.Bins, _resources.Phase[symbolInSubframe].Conjugate * _scale, subcarriers);
        if (_windowCorrection is not null)
        {
            ComplexKernels.Multiply(subcarriers, _windowCorrection, subcarriers);
        }
    }
}
