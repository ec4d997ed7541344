using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;

namespace OpenRan.Phy.Lower.Ofdm;

/// <summary>
/// What the modulator and the demodulator build once from a validated configuration: the unscaled FFT plan, the N-bin
/// frequency buffer, the subcarrier map and the phase-compensation table.
/// </summary>
internal sealed class OfdmSymbolResources
{
    public OfdmSymbolResources(OfdmConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        int n = configuration.Timing.FftSize;
        Fft = FftFactory.Create(n, configuration.FftImplementation, FftScaling.None);
        Bins = new ComplexF32[n];
        Map = new OfdmSubcarrierMap(configuration.SubcarrierCount, n, configuration.FrequencyShiftSubcarriers);
        Phase = new PhaseCompensationTable(configuration.Timing, configuration.CarrierFrequencyHz);
        if (configuration.HalfSubcarrierShift)
        {
            // e^(jπn/N) for n = 0..N−1 (the useful part); the cyclic prefix reuses it negated (n − N for the tail).
            HalfShiftRamp = new ComplexF32[n];
            for (int i = 0; i < n; i++)
            {
                HalfShiftRamp[i] = ComplexF32.FromPolar(1.0, Math.PI * i / n);
            }

            Scratch = new ComplexF32[n];
        }
    }

    /// <summary>e^(jπn/N), n = 0..N−1, when the configuration shifts by half a subcarrier; else null.</summary>
    public ComplexF32[]? HalfShiftRamp { get; }

    /// <summary>N samples of scratch (demodulator with a half-subcarrier shift); else null.</summary>
    public ComplexF32[]? Scratch { get; }

    public IFft Fft { get; }

    public ComplexF32[] Bins { get; }

    public OfdmSubcarrierMap Map { get; }

    public PhaseCompensationTable Phase { get; }

    /// <summary>1/N, 1/√N or 1 for <paramref name="scaling"/> and FFT size <paramref name="n"/>: the modulator's factor, the demodulator's inverse.</summary>
    public static float ModulationFactor(OfdmScaling scaling, int n) => scaling switch
    {
        OfdmScaling.InverseFftSize => 1f / n,
        OfdmScaling.Unitary => (float)(1.0 / Math.Sqrt(n)),
        _ => 1f,
    };
}
