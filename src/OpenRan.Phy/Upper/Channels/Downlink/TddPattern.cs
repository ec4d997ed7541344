using System;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// A TDD UL-DL pattern (TS 38.331 <c>TDD-UL-DL-Pattern</c>, TS 38.213 §11.1) expressed in slots of the carrier's numerology:
/// a period of P slots whose first <see cref="DownlinkSlots"/> slots are downlink, followed by a slot whose first
/// <see cref="DownlinkSymbols"/> symbols are downlink; the last <see cref="UplinkSlots"/> slots (and the last
/// <see cref="UplinkSymbols"/> symbols before them) are uplink, the rest flexible (guard).
/// </summary>
/// <param name="PeriodSlots">P, slots per period.</param>
/// <param name="DownlinkSlots">nrofDownlinkSlots.</param>
/// <param name="DownlinkSymbols">nrofDownlinkSymbols of the next slot, 0..13.</param>
/// <param name="UplinkSlots">nrofUplinkSlots.</param>
/// <param name="UplinkSymbols">nrofUplinkSymbols of the slot before the uplink slots, 0..13.</param>
public sealed record TddPattern(int PeriodSlots, int DownlinkSlots, int DownlinkSymbols, int UplinkSlots, int UplinkSymbols)
{
    /// <summary>
    /// The pattern for a carrier of <paramref name="carrierScsKhz"/> from a pattern given at
    /// <paramref name="referenceScsKhz"/> (TS 38.213 §11.1: a reference slot spans 2^(μ − μ_ref) carrier slots, a reference
    /// symbol 2^(μ − μ_ref) carrier symbols).
    /// </summary>
    public static TddPattern FromReference(int referenceScsKhz, double periodMs, int downlinkSlots, int downlinkSymbols, int uplinkSlots, int uplinkSymbols, int carrierScsKhz)
    {
        if (carrierScsKhz < referenceScsKhz || carrierScsKhz % referenceScsKhz != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(referenceScsKhz), referenceScsKhz, $"the reference subcarrier spacing must divide the carrier's {carrierScsKhz} kHz (TS 38.213 §11.1)");
        }

        int ratio = carrierScsKhz / referenceScsKhz;
        int period = (int)Math.Round(periodMs * carrierScsKhz / 15);
        int dlSymbols = ratio * downlinkSymbols;
        int ulSymbols = ratio * uplinkSymbols;
        var pattern = new TddPattern(period, (ratio * downlinkSlots) + (dlSymbols / 14), dlSymbols % 14, (ratio * uplinkSlots) + (ulSymbols / 14), ulSymbols % 14);
        pattern.Validate();
        return pattern;
    }

    /// <summary>Number of downlink symbols at the start of absolute slot <paramref name="absoluteSlot"/>: 14, the special slot's count, or 0.</summary>
    public int DownlinkSymbolCount(long absoluteSlot)
    {
        int s = (int)(absoluteSlot % PeriodSlots);
        return s < DownlinkSlots ? 14 : s == DownlinkSlots ? DownlinkSymbols : 0;
    }

    /// <summary>Throws when the pattern does not fit its period.</summary>
    public void Validate()
    {
        if (PeriodSlots < 1 || DownlinkSlots < 0 || UplinkSlots < 0 || DownlinkSymbols is < 0 or > 13 || UplinkSymbols is < 0 or > 13)
        {
            throw new ArgumentException($"TDD pattern {this}: counts out of range (symbols 0..13, slots ≥ 0, period ≥ 1)");
        }

        int dlSlotsUsed = DownlinkSlots + (DownlinkSymbols > 0 ? 1 : 0);
        int ulSlotsUsed = UplinkSlots + (UplinkSymbols > 0 ? 1 : 0);
        bool shared = DownlinkSymbols > 0 && UplinkSymbols > 0 && dlSlotsUsed + ulSlotsUsed - 1 == PeriodSlots;
        if (dlSlotsUsed + ulSlotsUsed > PeriodSlots && !(shared && DownlinkSymbols + UplinkSymbols <= 14))
        {
            throw new ArgumentException($"TDD pattern {this}: downlink and uplink do not fit the {PeriodSlots}-slot period");
        }
    }
}
