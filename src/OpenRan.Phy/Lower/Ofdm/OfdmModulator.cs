using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Lower.Ofdm;

/// <summary>
/// OFDM baseband signal generation (TS 38.211 §5.3.1) with up-conversion phase compensation (§5.4): per symbol, the
/// grid's K subcarriers are placed around DC (plus the configured shift), scaled and multiplied by φ_l, inverse
/// transformed, and prefixed by the last N_CP,l samples. Configured once; slot and symbol calls allocate nothing.
/// Not thread-safe: one instance per worker.
/// </summary>
public sealed class OfdmModulator
{
    private readonly OfdmSymbolResources _resources;
    private readonly float _scale;

    /// <summary>Builds the FFT plan, phase table and buffers for <paramref name="configuration"/>.</summary>
    public OfdmModulator(OfdmConfiguration configuration)
    {
        _resources = new OfdmSymbolResources(configuration);
        Configuration = configuration;
        _scale = OfdmSymbolResources.ModulationFactor(configuration.Scaling, configuration.Timing.FftSize);
    }

    /// <summary>The configuration.</summary>
    public OfdmConfiguration Configuration { get; }

    /// <summary>The FFT implementation in use.</summary>
    public string FftImplementation => _resources.Fft.Implementation;

    /// <summary>Samples of slot <paramref name="slot"/> (its length depends on slot mod 2^μ through the long cyclic prefixes).</summary>
    public int SlotSampleCount(int slot) => Configuration.Timing.SlotSampleCount(slot);

    /// <summary>Modulates every symbol of one port of a slot grid.</summary>
    /// <param name="grid">K = 12·N_grid^size subcarriers and N_symb^slot symbols (14 or 12).</param>
    /// <param name="port">The port (antenna) to modulate.</param>
    /// <param name="slot">The slot number (within the frame or any count; slot mod 2^μ selects CP lengths and phases).</param>
    /// <param name="samples">Receives <see cref="SlotSampleCount"/> samples; longer spans keep their tail.</param>
    public void Modulate(ResourceGrid grid, int port, int slot, Span<ComplexF32> samples)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ThrowHelper.ThrowIfLengthDiffers(grid.SymbolCount, Configuration.Timing.SymbolsPerSlot, nameof(grid));
        Modulate(grid, port, slot, 0, grid.SymbolCount, samples);
    }

    /// <summary>
    /// Modulates symbols <paramref name="firstSymbol"/>..+<paramref name="symbolCount"/>−1 of a slot; the samples start at the
    /// cyclic prefix of <paramref name="firstSymbol"/>.
    /// </summary>
    /// <param name="grid">The slot grid; its symbol l is slot symbol l.</param>
    /// <param name="port">The port to modulate.</param>
    /// <param name="slot">The slot number.</param>
    /// <param name="firstSymbol">First slot symbol, 0..N_symb^slot−1.</param>
    /// <param name="symbolCount">Number of symbols, ≥ 1, within the slot.</param>
    /// <param name="samples">Receives Σ (N_CP,l + N) samples of the symbols.</param>
    public void Modulate(ResourceGrid grid, int port, int slot, int firstSymbol, int symbolCount, Span<ComplexF32> samples)
    {
        ArgumentNullException.ThrowIfNull(grid);
        OfdmTiming timing = Configuration.Timing;
        int firstInSubframe = OfdmSlotRange.Check(grid, Configuration, slot, firstSymbol, symbolCount, samples.Length, nameof(samples));
        int offset = 0;
        for (int i = 0; i < symbolCount; i++)
        {
            int l = firstInSubframe + i;
            int length = timing.CyclicPrefixLength(l) + timing.FftSize;
            ModulateSymbol(grid.Symbol(port, firstSymbol + i), l, samples.Slice(offset, length));
            offset += length;
        }
    }

    /// <summary>Modulates one OFDM symbol.</summary>
    /// <param name="subcarriers">K resource elements, k = 0 the lowest subcarrier of the grid.</param>
    /// <param name="symbolInSubframe">l within the subframe, 0..14·2^μ−1 (selects N_CP,l and φ_l).</param>
    /// <param name="samples">Receives exactly N_CP,l + N samples.</param>
    public void ModulateSymbol(ReadOnlySpan<ComplexF32> subcarriers, int symbolInSubframe, Span<ComplexF32> samples)
    {
        OfdmTiming timing = Configuration.Timing;
        ThrowHelper.ThrowIfLengthDiffers(subcarriers.Length, Configuration.SubcarrierCount, nameof(subcarriers));
        int cp = timing.CyclicPrefixLength(symbolInSubframe);
        int n = timing.FftSize;
        ThrowHelper.ThrowIfLengthDiffers(samples.Length, cp + n, nameof(samples));
        _resources.Map.Map(subcarriers, _resources.Phase[symbolInSubframe] * _scale, _resources.Bins);

        // The useful part goes straight to its place after the cyclic prefix, which is then copied from its tail.
        Span<ComplexF32> useful = samples.Slice(cp, n);
        _resources.Fft.Transform(_resources.Bins, useful, FftDirection.Inverse);
        if (_resources.HalfShiftRamp is { } ramp)
        {
            // Tone at bin b + ½: x(n)·e^(jπn/N) on the useful part; at negative n (the cyclic prefix) the same tone is
            // x(n + N)·e^(jπn/N) = −(ramped tail), since e^(jπ(n + N)/N) = −e^(jπn/N).
            ComplexKernels.Multiply(useful, ramp, useful);
            ComplexKernels.Scale(useful.Slice(n - cp, cp), -1f, samples[..cp]);
            return;
        }

        useful.Slice(n - cp, cp).CopyTo(samples[..cp]);
    }

    /// <summary>
    /// Modulates one OFDM symbol and adds it to <paramref name="samples"/> (another numerology or frequency position over
    /// the same samples, such as an SS/PBCH block with its own subcarrier spacing or half-subcarrier offset).
    /// </summary>
    /// <param name="subcarriers">K resource elements.</param>
    /// <param name="symbolInSubframe">l within the subframe.</param>
    /// <param name="samples">Exactly N_CP,l + N samples; the symbol is added to them.</param>
    /// <param name="scratch">N_CP,l + N samples of scratch.</param>
    public void ModulateSymbolAndAdd(ReadOnlySpan<ComplexF32> subcarriers, int symbolInSubframe, Span<ComplexF32> samples, Span<ComplexF32> scratch)
    {
        ThrowHelper.ThrowIfLengthDiffers(scratch.Length, samples.Length, nameof(scratch));
        ModulateSymbol(subcarriers, symbolInSubframe, scratch);
        ComplexKernels.Add(samples, scratch, samples);
    }
}
