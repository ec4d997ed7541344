using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// One CSI-RS resource (TS 38.211 §7.4.1.5; TS 38.331 <c>NZP-CSI-RS-Resource</c>, <c>ZP-CSI-RS-Resource</c>,
/// <c>CSI-RS-ResourceMapping</c>): the row of Table 7.4.1.5.3-1, the <c>frequencyDomainAllocation</c> bitmap, density,
/// first symbols l_0 and l_1, the common resource blocks, the scrambling identity, the power offset and the periodicity.
/// Immutable; <see cref="Validate"/> lists every problem.
/// </summary>
public sealed record CsiRsConfiguration
{
    private CsiRsPattern? _pattern;

    /// <summary>Creates a resource with the defaults (row 1, ρ = 3, k_0 = 0, l_0 = 0, CRBs 0..51, every slot).</summary>
    public CsiRsConfiguration()
    {
    }

    // The copy used by 'with' expressions: every field except the cached pattern, which belongs to the original values.
    private CsiRsConfiguration(CsiRsConfiguration original)
    {
        RowNumber = original.RowNumber;
        FrequencyDomainAllocation = original.FrequencyDomainAllocation;
        Density = original.Density;
        FirstSymbol = original.FirstSymbol;
        FirstSymbol2 = original.FirstSymbol2;
        StartRb = original.StartRb;
        RbCount = original.RbCount;
        ScramblingId = original.ScramblingId;
        ZeroPower = original.ZeroPower;
        PowerOffsetDb = original.PowerOffsetDb;
        PeriodicitySlots = original.PeriodicitySlots;
        OffsetSlots = original.OffsetSlots;
    }

    /// <summary>The row of TS 38.211 Table 7.4.1.5.3-1, 1..18 (it fixes the number of ports X and the CDM type).</summary>
    public int RowNumber { get; init; } = 1;

    /// <summary>
    /// <c>frequencyDomainAllocation</c>: bit i is b_i of the bitmap [b_(n−1) … b_0] (n = 4 for row 1, 12 for row 2, 3 for
    /// row 4, 6 otherwise); k_(i−1) = f(i)·(1, 1, 4 or 2), f(i) the bit number of the i-th set bit counted from b_0
    /// (TS 38.211 §7.4.1.5.3). Row 1 default: b_0, so k_0 = 0.
    /// </summary>
    public int FrequencyDomainAllocation { get; init; } = 1;

    /// <summary>The density ρ.</summary>
    public CsiRsDensity Density { get; init; } = CsiRsDensity.Three;

    /// <summary>l_0, <c>firstOFDMSymbolInTimeDomain</c>, 0..13.</summary>
    public int FirstSymbol { get; init; }

    /// <summary>l_1, <c>firstOFDMSymbolInTimeDomain2</c>, 2..12 (rows 13, 14, 16, 17 only).</summary>
    public int FirstSymbol2 { get; init; } = 2;

    /// <summary>First common resource block of the resource (<c>startingRB</c>, relative to CRB 0), 0..274+N_grid^start.</summary>
    public int StartRb { get; init; }

    /// <summary>Number of resource blocks (<c>nrofRBs</c>), 1..275 (the specification signals multiples of 4 from 24; smaller carriers use their width).</summary>
    public int RbCount { get; init; } = 52;

    /// <summary>n_ID, <c>scramblingID</c>, 0..1023 (NZP only).</summary>
    public int ScramblingId { get; init; }

    /// <summary>True for a zero-power resource (ZP-CSI-RS): the resource elements are reserved and transmit nothing.</summary>
    public bool ZeroPower { get; init; }

    /// <summary>β_CSIRS in dB (EPRE relative to the data; <c>powerControlOffsetSS</c> sets it relative to the SSS), −20..20.</summary>
    public double PowerOffsetDb { get; init; }

    /// <summary>T_CSI-RS, the periodicity in slots (TS 38.214 §5.2.2.3.1): 4, 5, 8, 10, 16, 20, 32, 40, 64, 80, 160, 320, 640, or 1 (every slot).</summary>
    public int PeriodicitySlots { get; init; } = 1;

    /// <summary>T_offset, the slot offset within the period, 0..T_CSI-RS−1.</summary>
    public int OffsetSlots { get; init; }

    /// <summary>The table row.</summary>
    public CsiRsRow Row => Ts38211Table7_4_1_5_3_1.Row(RowNumber);

    /// <summary>X, the number of antenna ports (3000 … 3000 + X − 1).</summary>
    public int PortCount => Row.Ports;

    /// <summary>The CDM type.</summary>
    public CsiRsCdmType CdmType => Row.CdmType;

    /// <summary>β_CSIRS as an amplitude factor (0 for a zero-power resource).</summary>
    public float Amplitude => ZeroPower ? 0f : (float)Math.Pow(10, PowerOffsetDb / 20);

    /// <summary>The resource-element pattern (built once per configuration instance).</summary>
    public CsiRsPattern Pattern => _pattern ??= new CsiRsPattern(this);

    /// <summary>Whether the resource is transmitted in slot n_s,f of frame n_f: (N_slot^frame·n_f + n_s,f − T_offset) mod T_CSI-RS = 0.</summary>
    public bool IsTransmitted(int frame, int slot, int slotsPerFrame) =>
        (((((long)slotsPerFrame * frame) + slot - OffsetSlots) % PeriodicitySlots) + PeriodicitySlots) % PeriodicitySlots == 0;

    /// <summary>The frequency-domain locations k_0, k_1, … of the bitmap (TS 38.211 §7.4.1.5.3).</summary>
    public int[] FrequencyLocations()
    {
        CsiRsRow row = Row;
        var k = new List<int>();
        for (int bit = 0; bit < row.BitmapLength; bit++)
        {
            if (((FrequencyDomainAllocation >> bit) & 1) != 0)
            {
                k.Add(bit * row.BitStep);
            }
        }

        return [.. k];
    }

    /// <summary>The problems of this configuration, each naming the property, its value and the valid range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (RowNumber is < 1 or > 18)
        {
            problems.Add($"RowNumber = {RowNumber}; valid: 1..18 (TS 38.211 Table 7.4.1.5.3-1)");
            return problems;
        }

        CsiRsRow row = Row;
        bool densityOk = RowNumber == 1
            ? Density == CsiRsDensity.Three
            : Density == CsiRsDensity.One || (row.HalfDensityAllowed && Density is CsiRsDensity.HalfEven or CsiRsDensity.HalfOdd);
        if (!densityOk)
        {
            string valid = RowNumber == 1 ? "Three" : row.HalfDensityAllowed ? "One, HalfEven, HalfOdd" : "One";
            problems.Add($"Density = {Density} is not allowed in row {RowNumber}; valid: {valid}");
        }

        int mask = (1 << row.BitmapLength) - 1;
        int setBits = BitOperations.PopCount((uint)(FrequencyDomainAllocation & mask));
        if ((FrequencyDomainAllocation & ~mask) != 0 || setBits != row.KCount)
        {
            problems.Add($"FrequencyDomainAllocation = 0b{Convert.ToString(FrequencyDomainAllocation, 2)}; row {RowNumber} needs a {row.BitmapLength}-bit bitmap with exactly {row.KCount} bit(s) set");
        }

        int timeSpan = row.CdmType.TimeSpan();
        int l0Span = 0, l1Span = -1;
        foreach (CsiRsLocation location in row.Locations)
        {
            if (location.UsesL1)
            {
                l1Span = Math.Max(l1Span, location.LOffset + timeSpan);
            }
            else
            {
                l0Span = Math.Max(l0Span, location.LOffset + timeSpan);
            }
        }

        if (FirstSymbol < 0 || FirstSymbol + l0Span > NrConstants.SymbolsPerSlotNormalCp)
        {
            problems.Add($"FirstSymbol = {FirstSymbol}; valid: 0..{NrConstants.SymbolsPerSlotNormalCp - l0Span} for row {RowNumber} (it spans {l0Span} symbol(s) from l_0)");
        }

        if (l1Span > 0)
        {
            if (FirstSymbol2 < 2 || FirstSymbol2 > 12 || FirstSymbol2 + l1Span > NrConstants.SymbolsPerSlotNormalCp)
            {
                problems.Add($"FirstSymbol2 = {FirstSymbol2}; valid: 2..{Math.Min(12, NrConstants.SymbolsPerSlotNormalCp - l1Span)} for row {RowNumber}");
            }
            else if (FirstSymbol2 < FirstSymbol + l0Span && FirstSymbol < FirstSymbol2 + l1Span)
            {
                problems.Add($"FirstSymbol2 = {FirstSymbol2} overlaps the symbols from FirstSymbol = {FirstSymbol}");
            }
        }

        if (StartRb is < 0 or > 2474)
        {
            problems.Add($"StartRb = {StartRb}; valid: 0..2474 (a common resource block)");
        }

        if (RbCount is < 1 or > NrConstants.MaxPrb)
        {
            problems.Add($"RbCount = {RbCount}; valid: 1..{NrConstants.MaxPrb}");
        }

        if (ScramblingId is < 0 or > 1023)
        {
            problems.Add($"ScramblingId = {ScramblingId}; valid: 0..1023");
        }

        if (!double.IsFinite(PowerOffsetDb) || PowerOffsetDb < -20 || PowerOffsetDb > 20)
        {
            problems.Add($"PowerOffsetDb = {PowerOffsetDb}; valid: −20..20 dB");
        }

        if (PeriodicitySlots is not (1 or 4 or 5 or 8 or 10 or 16 or 20 or 32 or 40 or 64 or 80 or 160 or 320 or 640))
        {
            problems.Add($"PeriodicitySlots = {PeriodicitySlots}; valid: 1 (every slot), 4, 5, 8, 10, 16, 20, 32, 40, 64, 80, 160, 320, 640 (TS 38.331 CSI-ResourcePeriodicityAndOffset)");
        }
        else if (OffsetSlots < 0 || OffsetSlots >= PeriodicitySlots)
        {
            problems.Add($"OffsetSlots = {OffsetSlots}; valid: 0..{PeriodicitySlots - 1}");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem unless the configuration is valid.</summary>
    public void ThrowIfInvalid()
    {
        IReadOnlyList<string> problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid CSI-RS resource: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>Value equality over the configuration fields (the cached pattern is not compared).</summary>
    public bool Equals(CsiRsConfiguration? other) =>
        other is not null && RowNumber == other.RowNumber && FrequencyDomainAllocation == other.FrequencyDomainAllocation && Density == other.Density
        && FirstSymbol == other.FirstSymbol && FirstSymbol2 == other.FirstSymbol2 && StartRb == other.StartRb && RbCount == other.RbCount
        && ScramblingId == other.ScramblingId && ZeroPower == other.ZeroPower && PowerOffsetDb.Equals(other.PowerOffsetDb)
        && PeriodicitySlots == other.PeriodicitySlots && OffsetSlots == other.OffsetSlots;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RowNumber, FrequencyDomainAllocation, Density, FirstSymbol, FirstSymbol2, StartRb, RbCount, ScramblingId);
}
