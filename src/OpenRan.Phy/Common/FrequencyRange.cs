namespace OpenRan.Phy.Common;

/// <summary>The frequency ranges of NR (TS 38.104 §5.1): FR1 410–7125 MHz, FR2 24250–71000 MHz.</summary>
public enum FrequencyRange
{
    /// <summary>FR1, 410 MHz – 7125 MHz (TS 38.101-1).</summary>
    Fr1,

    /// <summary>FR2, 24250 MHz – 71000 MHz (TS 38.101-2; FR2-1 up to 52600 MHz).</summary>
    Fr2,
}
