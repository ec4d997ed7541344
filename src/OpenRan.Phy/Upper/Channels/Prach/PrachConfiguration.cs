using System;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// A cell's PRACH configuration (TS 38.331 RACH-ConfigGeneric/RACH-ConfigCommon), validated once and resolved against
/// the specification tables: the random-access configuration row (TS 38.211 Tables 6.3.3.2-2/-3/-4), the preamble
/// format(s) (Tables 6.3.3.1-1/-2), N_CS (Tables 6.3.3.1-5/-6/-7), N_RB^RA and k̄ (Table 6.3.3.2-1) and the 64 preambles.
/// Immutable; build it once and share it between the generator, the detector and the scheduler.
/// </summary>
public sealed class PrachConfiguration
{
    /// <summary>The largest number of time occasions in one subframe (FR2: 4 × 60 kHz slots × 2 PRACH slots × 7).</summary>
    public const int MaxOccasionsPerSubframe = 56;

    private const int HalfSubframeKappa = 15360;

    private static readonly int[] s_slotZero = [0];
    private static readonly int[] s_slotOne = [1];
    private static readonly int[] s_slotsBoth = [0, 1];

    /// <summary>Validates <paramref name="parameters"/> and resolves every table; throws naming the bad field and its range.</summary>
    /// <exception cref="ArgumentException">A field is out of range or the combination does not exist.</exception>
    public PrachConfiguration(PrachParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        ThrowHelper.ThrowIfOutside(parameters.NSizeGrid, 1, NrConstants.MaxPrb, nameof(parameters.NSizeGrid));
        Numerology carrier = parameters.PuschNumerology;
        bool fr2 = parameters.FrequencyRange == FrequencyRange.Fr2;
        Row = (parameters.FrequencyRange, parameters.DuplexMode) switch
        {
            (FrequencyRange.Fr1, DuplexMode.Fdd or DuplexMode.Sul) => Table(parameters.ConfigurationIndex, "FR1 paired spectrum/SUL, TS 38.211 Table 6.3.3.2-2", Ts38211Table6_3_3_2_2.Get),
            (FrequencyRange.Fr1, DuplexMode.Tdd) => Table(parameters.ConfigurationIndex, "FR1 unpaired spectrum, TS 38.211 Table 6.3.3.2-3", Ts38211Table6_3_3_2_3.Get),
            (FrequencyRange.Fr2, DuplexMode.Tdd) => Table(parameters.ConfigurationIndex, "FR2 unpaired spectrum, TS 38.211 Table 6.3.3.2-4", Ts38211Table6_3_3_2_4.Get),
            _ => throw new ArgumentException(
                $"DuplexMode {parameters.DuplexMode} has no random-access configuration table in {parameters.FrequencyRange}: FR1 allows FDD or SUL (Table 6.3.3.2-2) and TDD (Table 6.3.3.2-3), FR2 only TDD (Table 6.3.3.2-4).",
                nameof(parameters)),
        };

        int? scs = parameters.Msg1SubcarrierSpacingKhz;
        if (Row.IsLongFormat)
        {
            if (fr2)
            {
                ThrowHelper.ThrowArgument(nameof(parameters), "long preamble formats are not used in FR2.");
            }

            if (scs is not null)
            {
                ThrowHelper.ThrowArgument(nameof(parameters.Msg1SubcarrierSpacingKhz), $"msg1-SubcarrierSpacing {scs} kHz is for short preambles only; prach-ConfigurationIndex {parameters.ConfigurationIndex} is long format {PrachFormatNames.Name(Row.Format)}, whose Δf_RA is fixed by TS 38.211 Table 6.3.3.1-1 (leave the field unset).");
            }

            Format = Ts38211Table6_3_3_1_1.Get(Row.Format);
            PrachNumerology = 0;
        }
        else
        {
            int[] allowed = fr2 ? [60, 120] : [15, 30];
            if (scs is null || Array.IndexOf(allowed, scs.Value) < 0)
            {
                ThrowHelper.ThrowOutOfRange(nameof(parameters.Msg1SubcarrierSpacingKhz), scs?.ToString(CultureInfo.InvariantCulture) ?? "unset", $"{allowed[0]} or {allowed[1]} kHz for short format {PrachFormatNames.Name(Row.Format)} in {parameters.FrequencyRange}");
            }

            PrachNumerology = Numerology.FromSubcarrierSpacingKhz(scs!.Value).Mu;
            Format = Ts38211Table6_3_3_1_2.Get(Row.Format, PrachNumerology);
            LastOccasionFormat = Row.LastOccasionFormat is { } b ? Ts38211Table6_3_3_1_2.Get(b, PrachNumerology) : null;
        }

        (NRbRa, KBar) = Ts38211Table6_3_3_2_1.Get(Format.SequenceLength, Format.SubcarrierSpacingHz, carrier.SubcarrierSpacingKhz);

        ThrowHelper.ThrowIfOutside(parameters.ZeroCorrelationZoneConfig, 0, 15, nameof(parameters.ZeroCorrelationZoneConfig));
        if (parameters.RestrictedSet != PrachRestrictedSet.Unrestricted && !Format.SupportsRestrictedSets)
        {
            ThrowHelper.ThrowArgument(nameof(parameters.RestrictedSet), $"restrictedSetConfig {parameters.RestrictedSet} is only defined for the long formats 0–3 (TS 38.211 Table 6.3.3.1-2 has no restricted sets for {PrachFormatNames.Name(Row.Format)}); use Unrestricted.");
        }

        NCs = Format.SubcarrierSpacingHz switch
        {
            1250 => Ts38211Table6_3_3_1_5.Get(parameters.ZeroCorrelationZoneConfig, parameters.RestrictedSet),
            5000 => Ts38211Table6_3_3_1_6.Get(parameters.ZeroCorrelationZoneConfig, parameters.RestrictedSet),
            _ => Ts38211Table6_3_3_1_7.Get(parameters.ZeroCorrelationZoneConfig),
        };

        int logicalRoots = Format.IsLong ? Ts38211Table6_3_3_1_3.Count : Ts38211Table6_3_3_1_4.Count;
        ThrowHelper.ThrowIfOutside(parameters.RootSequenceIndex, 0, logicalRoots - 1, nameof(parameters.RootSequenceIndex));
        Preambles = new PrachPreambleSet(Format.SequenceLength, parameters.RootSequenceIndex, NCs, parameters.RestrictedSet);

        if (parameters.Msg1Fdm is not (1 or 2 or 4 or 8))
        {
            ThrowHelper.ThrowOutOfRange(nameof(parameters.Msg1Fdm), parameters.Msg1Fdm, "1, 2, 4 or 8 (msg1-FDM)");
        }

        int bwpSize = parameters.BwpSizeRb ?? parameters.NSizeGrid - parameters.BwpStartRb;
        ThrowHelper.ThrowIfOutside(parameters.BwpStartRb, 0, parameters.NSizeGrid - 1, nameof(parameters.BwpStartRb));
        ThrowHelper.ThrowIfOutside(bwpSize, 1, parameters.NSizeGrid - parameters.BwpStartRb, nameof(parameters.BwpSizeRb));
        int maxStart = bwpSize - (parameters.Msg1Fdm * NRbRa);
        if (maxStart < 0)
        {
            ThrowHelper.ThrowArgument(nameof(parameters.Msg1Fdm), $"msg1-FDM {parameters.Msg1Fdm} × N_RB^RA {NRbRa} = {parameters.Msg1Fdm * NRbRa} RB does not fit the {bwpSize}-RB bandwidth part.");
        }

        ThrowHelper.ThrowIfOutside(parameters.Msg1FrequencyStart, 0, maxStart, nameof(parameters.Msg1FrequencyStart));
        BwpSizeRb = bwpSize;
    }

    /// <summary>The parameters as given.</summary>
    public PrachParameters Parameters { get; }

    /// <summary>The random-access configuration table row of prach-ConfigurationIndex.</summary>
    public PrachConfigurationTableRow Row { get; }

    /// <summary>The preamble format of every occasion (the A format of a combined A/B row).</summary>
    public PrachFormatParameters Format { get; }

    /// <summary>For a combined A/B row, the B format of the last occasion in each PRACH slot; otherwise null.</summary>
    public PrachFormatParameters? LastOccasionFormat { get; }

    /// <summary>μ of Δf_RA for the short formats (Δf_RA = 15·2^μ kHz); 0 for the long formats (their symbol grid is μ = 0).</summary>
    public int PrachNumerology { get; }

    /// <summary>N_CS.</summary>
    public int NCs { get; }

    /// <summary>N_RB^RA, resource blocks of the PUSCH numerology per PRACH occasion (Table 6.3.3.2-1).</summary>
    public int NRbRa { get; }

    /// <summary>k̄ (Table 6.3.3.2-1).</summary>
    public int KBar { get; }

    /// <summary>The bandwidth-part size used for the frequency check.</summary>
    public int BwpSizeRb { get; }

    /// <summary>The 64 preambles.</summary>
    public PrachPreambleSet Preambles { get; }

    /// <summary>L_RA.</summary>
    public int SequenceLength => Format.SequenceLength;

    /// <summary>Δf_RA in Hz.</summary>
    public double SubcarrierSpacingHz => Format.SubcarrierSpacingHz;

    /// <summary>
    /// The frequency of PRACH subcarrier 0 of frequency occasion <paramref name="frequencyIndex"/> (n_RA) relative to the
    /// carrier centre, in units of Δf_RA: K·k_1 + k̄ with K = Δf/Δf_RA and
    /// k_1 = N_BWP^start·N_sc^RB + n_RA^start·N_sc^RB + n_RA·N_RB^RA·N_sc^RB − N_grid^size·N_sc^RB/2 (TS 38.211 §5.3.2,
    /// single-numerology carrier so k_0^μ = 0; N_BWP^start counted from the grid start).
    /// </summary>
    public long FirstSubcarrierOffset(int frequencyIndex)
    {
        ThrowHelper.ThrowIfOutside(frequencyIndex, 0, Parameters.Msg1Fdm - 1);
        long rb = Parameters.BwpStartRb + Parameters.Msg1FrequencyStart + ((long)frequencyIndex * NRbRa);
        // k_1 in units of Δf/2 keeps N_grid·N_sc/2 whole; convert to Δf_RA with integer Hz arithmetic.
        long k1HalfSubcarriers = (2 * rb * NrConstants.SubcarriersPerRb) - ((long)Parameters.NSizeGrid * NrConstants.SubcarriersPerRb);
        long deltaFHz = Parameters.PuschNumerology.SubcarrierSpacingHz;
        long deltaFRaHz = (long)SubcarrierSpacingHz;
        long numerator = k1HalfSubcarriers * deltaFHz;
        if (numerator % (2 * deltaFRaHz) != 0)
        {
            throw new InvalidOperationException("k_1·Δf is not a whole number of PRACH subcarriers.");
        }

        return (numerator / (2 * deltaFRaHz)) + KBar;
    }

    /// <summary>The preamble format of the occasion with time index <paramref name="timeIndex"/> (A/B rows: B for the last).</summary>
    public PrachFormatParameters FormatOf(int timeIndex) =>
        LastOccasionFormat is { } b && timeIndex == Row.OccasionsPerPrachSlot - 1 ? b : Format;

    /// <summary>
    /// Writes the PRACH time occasions that start in subframe <paramref name="subframe"/> of frame <paramref name="sfn"/>,
    /// in time order, and returns how many (0 when the frame or subframe has none). TS 38.211 §5.3.2 and §6.3.3.2.
    /// </summary>
    /// <param name="sfn">n_SFN, 0..1023.</param>
    /// <param name="subframe">0..9.</param>
    /// <param name="destination">Room for <see cref="MaxOccasionsPerSubframe"/> occasions is always enough.</param>
    public int GetOccasions(int sfn, int subframe, Span<PrachOccasion> destination)
    {
        ThrowHelper.ThrowIfOutside(sfn, 0, 1023);
        ThrowHelper.ThrowIfOutside(subframe, 0, NrConstants.SubframesPerFrame - 1);
        if (!Row.IsActiveFrame(sfn))
        {
            return 0;
        }

        int count = 0;
        bool fr2 = Parameters.FrequencyRange == FrequencyRange.Fr2;
        int unitsPerSubframe = fr2 ? 4 : 1;
        for (int u = 0; u < unitsPerSubframe; u++)
        {
            int unit = (subframe * unitsPerSubframe) + u;
            if (!Row.ContainsUnit(unit))
            {
                continue;
            }

            if (Row.IsLongFormat)
            {
                count = Add(destination, count, Occasion(sfn, unit, 0, 0));
                continue;
            }

            foreach (int slot in PrachSlots())
            {
                for (int t = 0; t < Row.OccasionsPerPrachSlot; t++)
                {
                    count = Add(destination, count, Occasion(sfn, unit, slot, t));
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The occasion (n_SFN, table unit, n_slot^RA, n_t^RA) with its timing: the table unit is the subframe (FR1) or the
    /// 60 kHz slot 0..39 (FR2). Throws when it is not an occasion of this configuration.
    /// </summary>
    public PrachOccasion Occasion(int sfn, int tableUnit, int prachSlot, int timeIndex)
    {
        ThrowHelper.ThrowIfOutside(sfn, 0, 1023);
        bool fr2 = Parameters.FrequencyRange == FrequencyRange.Fr2;
        ThrowHelper.ThrowIfOutside(tableUnit, 0, fr2 ? 39 : 9);
        if (Row.IsLongFormat)
        {
            ThrowHelper.ThrowIfOutside(prachSlot, 0, 0);
            ThrowHelper.ThrowIfOutside(timeIndex, 0, 0);
        }
        else
        {
            bool validSlot = false;
            foreach (int s in PrachSlots())
            {
                validSlot |= s == prachSlot;
            }

            if (!validSlot)
            {
                ThrowHelper.ThrowOutOfRange(nameof(prachSlot), prachSlot, string.Join(" or ", PrachSlots()) + " (n_slot^RA, TS 38.211 §5.3.2)");
            }

            ThrowHelper.ThrowIfOutside(timeIndex, 0, Row.OccasionsPerPrachSlot - 1);
        }

        if (!Row.IsActiveFrame(sfn) || !Row.ContainsUnit(tableUnit))
        {
            ThrowHelper.ThrowArgument(nameof(tableUnit), $"frame {sfn}, {(fr2 ? "60 kHz slot" : "subframe")} {tableUnit} holds no PRACH occasion for prach-ConfigurationIndex {Parameters.ConfigurationIndex} (n_SFN mod {Row.X} ∈ {{{string.Join(",", Row.Y)}}}, units {{{string.Join(",", Row.SubframeNumbers)}}}).");
        }

        PrachFormatParameters format = FormatOf(timeIndex);
        int mu = PrachNumerology;
        int startSymbol = Row.IsLongFormat ? Row.StartingSymbol : Row.StartingSymbol + (timeIndex * Row.Duration) + (14 * prachSlot);
        int subframe = fr2 ? tableUnit / 4 : tableUnit;
        // Symbol index within the subframe on the μ grid (FR2: the 60 kHz slot's position in its subframe).
        int symbolInSubframe = fr2 ? ((tableUnit % 4) * 14 * (1 << (mu - 2))) + startSymbol : startSymbol;
        int start = SymbolStartKappa(symbolInSubframe, mu);
        int cp = format.CyclicPrefixKappa;
        if (!format.IsLong)
        {
            // n = number of times [t_start, t_start + N_u + N_CP] overlaps t = 0 or t = 0.5 ms of a subframe (TS 38.211 §5.3.2).
            int end = start + format.DurationKappa;
            int n = 0;
            for (int instant = 0; instant <= end; instant += HalfSubframeKappa)
            {
                n += instant >= start ? 1 : 0;
            }

            cp += 16 * n;
        }

        return new PrachOccasion(sfn, subframe, tableUnit, prachSlot, timeIndex, format.Format, startSymbol, start, cp, format.UsefulLengthKappa);
    }

    /// <summary>t_start,l of TS 38.211 §5.3.1 for symbol <paramref name="l"/> of a subframe at numerology μ, in κ·T_c.</summary>
    public static int SymbolStartKappa(int l, int mu)
    {
        int t = 0;
        for (int i = 0; i < l; i++)
        {
            t += ((2048 + 144) >> mu) + (i == 0 || i == 7 << mu ? 16 : 0);
        }

        return t;
    }

    private static int Add(Span<PrachOccasion> destination, int count, PrachOccasion occasion)
    {
        if (count >= destination.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, count + 1);
        }

        destination[count] = occasion;
        return count + 1;
    }

    private int[] PrachSlots()
    {
        // Δf_RA of 15 or 60 kHz: n_slot = 0; 30 or 120 kHz: {0, 1} with two PRACH slots per unit, else n_slot = 1.
        if (PrachNumerology is 0 or 2)
        {
            return s_slotZero;
        }

        return Row.PrachSlotsPerUnit == 2 ? s_slotsBoth : s_slotOne;
    }

    private static PrachConfigurationTableRow Table(int index, string table, Func<int, PrachConfigurationTableRow> get)
    {
        if (index is < 0 or > 255)
        {
            ThrowHelper.ThrowOutOfRange("ConfigurationIndex", index, $"0..255 (prach-ConfigurationIndex, {table})");
        }

        return get(index);
    }
}
