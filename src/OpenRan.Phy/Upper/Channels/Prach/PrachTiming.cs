using System;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// A <see cref="PrachConfiguration"/> at the carrier's sample rate f_s = N·Δf (an <see cref="OfdmTiming"/>): occasion
/// start, cyclic prefix and length in samples, the repetition length N_RA = f_s/Δf_RA, and the occasions that start in a
/// carrier slot. One κ·T_c is f_s/30.72 MHz samples; every length used must come out whole (checked at construction).
/// Not thread-safe (<see cref="GetOccasionsInSlot"/> uses a scratch buffer).
/// </summary>
public sealed class PrachTiming
{
    private readonly PrachOccasion[] _scratch = new PrachOccasion[PrachConfiguration.MaxOccasionsPerSubframe];
    private readonly long _kappaNumerator;

    /// <summary>Binds <paramref name="configuration"/> to <paramref name="carrier"/>.</summary>
    /// <exception cref="ArgumentException">The numerologies differ, or the sample rate does not give whole-sample PRACH lengths.</exception>
    public PrachTiming(PrachConfiguration configuration, OfdmTiming carrier)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(carrier);
        if (carrier.Numerology != configuration.Parameters.PuschNumerology)
        {
            ThrowHelper.ThrowArgument(nameof(carrier), $"the carrier timing is {carrier.Numerology} but the PRACH configuration's uplink BWP is {configuration.Parameters.PuschNumerology}.");
        }

        Configuration = configuration;
        Carrier = carrier;
        // samples per κ·T_c = N·2^μ/2048 (f_s / 30.72 MHz).
        _kappaNumerator = (long)carrier.FftSize << carrier.Numerology.Mu;
        RepetitionSamples = (int)Math.Round(carrier.SampleRateHz / configuration.SubcarrierSpacingHz);
        if (Math.Abs((RepetitionSamples * configuration.SubcarrierSpacingHz) - carrier.SampleRateHz) > 1e-6 * carrier.SampleRateHz)
        {
            ThrowHelper.ThrowArgument(nameof(carrier), $"f_s {carrier.SampleRateHz / 1e6:G9} MHz is not a whole multiple of Δf_RA {configuration.SubcarrierSpacingHz / 1e3:G4} kHz.");
        }

        // Every length that can occur: both formats' N_CP, N_u and N_CP + 16κ·n, and every symbol start of the grid.
        PrachFormatParameters[] formats = configuration.LastOccasionFormat is { } b ? [configuration.Format, b] : [configuration.Format];
        foreach (PrachFormatParameters f in formats)
        {
            CheckWhole(f.CyclicPrefixKappa, "N_CP^RA");
            CheckWhole(f.UsefulLengthKappa, "N_u");
        }

        CheckWhole(16, "16κ");

        int mu = configuration.PrachNumerology;
        for (int l = 0; l <= 14 << mu; l++)
        {
            CheckWhole(PrachConfiguration.SymbolStartKappa(l, mu), "t_start,l");
        }

        int max = configuration.Format.DurationKappa + 64;
        if (configuration.LastOccasionFormat is { } last)
        {
            max = Math.Max(max, last.DurationKappa + 64);
        }

        MaxOccasionSamples = ToSamples(max);
    }

    /// <summary>The PRACH configuration.</summary>
    public PrachConfiguration Configuration { get; }

    /// <summary>The carrier timing.</summary>
    public OfdmTiming Carrier { get; }

    /// <summary>f_s in Hz.</summary>
    public double SampleRateHz => Carrier.SampleRateHz;

    /// <summary>N_RA = f_s/Δf_RA: samples of one preamble repetition (one PRACH OFDM symbol without CP).</summary>
    public int RepetitionSamples { get; }

    /// <summary>An upper bound of <see cref="OccasionSamples"/> over all occasions (for sizing buffers).</summary>
    public int MaxOccasionSamples { get; }

    /// <summary>Converts a length in κ·T_c to samples (exact; the constructor checked the lengths that occur).</summary>
    public int ToSamples(int kappa) => (int)(kappa * _kappaNumerator / 2048);

    /// <summary>t_start^RA from the start of the occasion's subframe, in samples.</summary>
    public int StartSampleInSubframe(in PrachOccasion occasion) => ToSamples(occasion.StartKappa);

    /// <summary>N_CP,l^RA in samples.</summary>
    public int CyclicPrefixSamples(in PrachOccasion occasion) => ToSamples(occasion.CyclicPrefixKappa);

    /// <summary>N_u in samples.</summary>
    public int UsefulSamples(in PrachOccasion occasion) => ToSamples(occasion.UsefulLengthKappa);

    /// <summary>N_CP,l^RA + N_u in samples: the span a generator writes and a detector reads, from t_start^RA.</summary>
    public int OccasionSamples(in PrachOccasion occasion) => ToSamples(occasion.DurationKappa);

    /// <summary>
    /// Writes the occasions whose t_start^RA lies in carrier slot <paramref name="slot"/> (0..slots per frame − 1) of frame
    /// <paramref name="sfn"/> and returns how many; <c>StartSampleInSubframe − Carrier.SlotOffsetInSubframe(slot)</c> gives
    /// each one's offset into the slot. Allocation-free.
    /// </summary>
    public int GetOccasionsInSlot(int sfn, int slot, Span<PrachOccasion> destination)
    {
        ThrowHelper.ThrowIfOutside(slot, 0, Carrier.Numerology.SlotsPerFrame - 1);
        int subframe = slot / Carrier.Numerology.SlotsPerSubframe;
        int slotStart = Carrier.SlotOffsetInSubframe(slot);
        int slotEnd = slotStart + Carrier.SlotSampleCount(slot);
        int total = Configuration.GetOccasions(sfn, subframe, _scratch);
        int count = 0;
        for (int i = 0; i < total; i++)
        {
            int start = StartSampleInSubframe(_scratch[i]);
            if (start >= slotStart && start < slotEnd)
            {
                if (count >= destination.Length)
                {
                    ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, count + 1);
                }

                destination[count++] = _scratch[i];
            }
        }

        return count;
    }

    private void CheckWhole(int kappa, string what)
    {
        if (kappa * _kappaNumerator % 2048 != 0)
        {
            ThrowHelper.ThrowArgument(
                "carrier",
                string.Create(CultureInfo.InvariantCulture, $"at f_s = {SampleRateHz / 1e6:G9} MHz, {what} = {kappa}κ·T_c is {kappa * (double)_kappaNumerator / 2048:G6} samples, not a whole number; use a larger FFT size (sample rate) for this PRACH format."));
        }
    }
}
