using System;
using System.Globalization;
using System.Linq;

namespace OpenRan.Engine.Timing;

/// <summary>
/// The slot format of a TDD carrier from tdd-UL-DL-ConfigurationCommon pattern 1 (TS 38.213 §11.1, TS 38.331): a period
/// of S slots starting with <c>nrofDownlinkSlots</c> downlink slots, then <c>nrofDownlinkSymbols</c> downlink symbols at
/// the start of the next slot, <c>nrofUplinkSymbols</c> uplink symbols at the end of the slot before the uplink slots and
/// <c>nrofUplinkSlots</c> uplink slots at the end; the rest is flexible (used as guard). FDD has no pattern: every
/// symbol is both downlink (on the DL carrier) and uplink (on the UL carrier).
/// </summary>
public sealed class TddPattern
{
    /// <summary>The values of dl-UL-TransmissionPeriodicity in ms (Release 15 and the v1530 extension).</summary>
    public static readonly double[] ValidPeriodsMs = [0.5, 0.625, 1, 1.25, 2, 2.5, 3, 4, 5, 10];

    private const ushort AllSymbols = (1 << 14) - 1;
    private readonly ushort[] _downlink;
    private readonly ushort[] _uplink;

    private TddPattern(int mu, double periodMs, int dlSlots, int dlSymbols, int ulSlots, int ulSymbols)
    {
        Mu = mu;
        PeriodMs = periodMs;
        PeriodSlots = (int)Math.Round(periodMs * (1 << mu));
        DownlinkSlots = dlSlots;
        DownlinkSymbols = dlSymbols;
        UplinkSlots = ulSlots;
        UplinkSymbols = ulSymbols;
        _downlink = new ushort[PeriodSlots];
        _uplink = new ushort[PeriodSlots];
        for (int s = 0; s < PeriodSlots; s++)
        {
            if (s < dlSlots)
            {
                _downlink[s] = AllSymbols;
            }
            else if (s == dlSlots)
            {
                _downlink[s] = (ushort)((1 << dlSymbols) - 1);
            }

            if (s >= PeriodSlots - ulSlots)
            {
                _uplink[s] = AllSymbols;
            }
            else if (s == PeriodSlots - ulSlots - 1)
            {
                _uplink[s] = (ushort)(AllSymbols & ~((1 << (14 - ulSymbols)) - 1));
            }
        }
    }

    /// <summary>μ of the reference subcarrier spacing (the carrier's).</summary>
    public int Mu { get; }

    /// <summary>P in ms.</summary>
    public double PeriodMs { get; }

    /// <summary>S = P·2^μ slots.</summary>
    public int PeriodSlots { get; }

    /// <summary>nrofDownlinkSlots.</summary>
    public int DownlinkSlots { get; }

    /// <summary>nrofDownlinkSymbols.</summary>
    public int DownlinkSymbols { get; }

    /// <summary>nrofUplinkSlots.</summary>
    public int UplinkSlots { get; }

    /// <summary>nrofUplinkSymbols.</summary>
    public int UplinkSymbols { get; }

    /// <summary>
    /// Checks the pattern against μ and builds it; returns null and a reason naming the valid values when the pattern
    /// contradicts the subcarrier spacing or does not fit its period.
    /// </summary>
    public static TddPattern? TryCreate(int mu, double periodMs, int dlSlots, int dlSymbols, int ulSlots, int ulSymbols, out string key, out string reason)
    {
        key = string.Empty;
        reason = string.Empty;
        if (Array.IndexOf(ValidPeriodsMs, periodMs) < 0)
        {
            key = "period-ms";
            reason = Invariant($"{periodMs} ms is not a dl-UL-TransmissionPeriodicity; valid: {string.Join(" | ", ValidPeriodsMs)}.");
            return null;
        }

        double slots = periodMs * (1 << mu);
        double[] valid = ValidPeriodsMs.Where(p => IsWhole(p * (1 << mu)) && IsWhole(20 / p)).ToArray();
        if (!IsWhole(slots) || !IsWhole(20 / periodMs))
        {
            key = "period-ms";
            reason = Invariant($"{periodMs} ms is {slots:G4} slots at {15 << mu} kHz: a period must hold whole slots and divide 20 ms (TS 38.213 §11.1); valid at {15 << mu} kHz: {string.Join(" | ", valid)} ms.");
            return null;
        }

        int s = (int)Math.Round(slots);
        if (dlSlots + ulSlots > s)
        {
            key = "dl-slots";
            reason = Invariant($"dl-slots {dlSlots} + ul-slots {ulSlots} exceed the {s} slots of a {periodMs} ms period at {15 << mu} kHz.");
            return null;
        }

        if (dlSlots + ulSlots == s && (dlSymbols > 0 || ulSymbols > 0))
        {
            key = dlSymbols > 0 ? "dl-symbols" : "ul-symbols";
            reason = Invariant($"dl-slots {dlSlots} + ul-slots {ulSlots} fill the {s}-slot period, so no slot is left for dl-symbols/ul-symbols; valid: 0.");
            return null;
        }

        if (dlSlots + ulSlots == s - 1 && dlSymbols + ulSymbols > 13 && (dlSymbols > 0 && ulSymbols > 0))
        {
            key = "ul-symbols";
            reason = Invariant($"dl-symbols {dlSymbols} and ul-symbols {ulSymbols} share one slot and leave no guard symbol; valid: dl-symbols + ul-symbols ≤ 13.");
            return null;
        }

        return new TddPattern(mu, periodMs, dlSlots, dlSymbols, ulSlots, ulSymbols);
    }

    /// <summary>Bit l set: symbol l of slot <paramref name="slotIndex"/> (any running count) is downlink.</summary>
    public ushort DownlinkSymbolMask(long slotIndex) => _downlink[(int)(slotIndex % PeriodSlots)];

    /// <summary>Bit l set: symbol l of slot <paramref name="slotIndex"/> is uplink.</summary>
    public ushort UplinkSymbolMask(long slotIndex) => _uplink[(int)(slotIndex % PeriodSlots)];

    /// <summary>A one-line description (<c>DDDDDDDSUU, 5 ms</c>).</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        for (int s = 0; s < PeriodSlots; s++)
        {
            text.Append(_downlink[s] == AllSymbols ? 'D' : _uplink[s] == AllSymbols ? 'U' : 'S');
        }

        return Invariant($"{text} ({PeriodMs} ms; special slot {DownlinkSymbols} DL, {14 - DownlinkSymbols - UplinkSymbols} guard, {UplinkSymbols} UL symbols)");
    }

    private static bool IsWhole(double x) => Math.Abs(x - Math.Round(x)) < 1e-9;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
