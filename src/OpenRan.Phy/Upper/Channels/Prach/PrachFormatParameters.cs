using System.Globalization;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// One row of TS 38.211 Table 6.3.3.1-1 (long preambles) or Table 6.3.3.1-2 (short preambles) at a given PRACH
/// subcarrier spacing. Lengths are in units of κ·T_c = 64·T_c (one sample at 30.72 Msps, TS 38.211 §4.1), already scaled
/// by 2^−μ for the short formats.
/// </summary>
/// <param name="Format">The preamble format.</param>
/// <param name="SequenceLength">L_RA: 839 or 139.</param>
/// <param name="SubcarrierSpacingHz">Δf_RA in Hz: 1250, 5000 or 15000·2^μ.</param>
/// <param name="UsefulLengthKappa">N_u in units of κ·T_c.</param>
/// <param name="CyclicPrefixKappa">N_CP^RA in units of κ·T_c (before the 16κ extensions of TS 38.211 §5.3.2).</param>
/// <param name="SupportsRestrictedSets">Whether restricted sets type A and B are allowed (long formats only).</param>
public readonly record struct PrachFormatParameters(
    PrachPreambleFormat Format,
    int SequenceLength,
    double SubcarrierSpacingHz,
    int UsefulLengthKappa,
    int CyclicPrefixKappa,
    bool SupportsRestrictedSets)
{
    /// <summary>κ·T_c in seconds: 64 / (480 kHz · 4096) = 1 / 30.72 MHz (TS 38.211 §4.1).</summary>
    public const double KappaSeconds = 1.0 / 30.72e6;

    /// <summary>True for the L_RA = 839 formats 0–3.</summary>
    public bool IsLong => SequenceLength == 839;

    /// <summary>The length of one preamble repetition (one OFDM symbol of Δf_RA), 1/Δf_RA, in κ·T_c.</summary>
    public int RepetitionLengthKappa => (int)System.Math.Round(30.72e6 / SubcarrierSpacingHz);

    /// <summary>How many times the sequence is repeated in N_u (N_u / (1/Δf_RA)).</summary>
    public int RepetitionCount => UsefulLengthKappa / RepetitionLengthKappa;

    /// <summary>N_CP^RA + N_u in κ·T_c.</summary>
    public int DurationKappa => CyclicPrefixKappa + UsefulLengthKappa;

    /// <summary>Formats as <c>B4 (L_RA 139, 15 kHz)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PrachFormatNames.Name(Format)} (L_RA {SequenceLength}, {SubcarrierSpacingHz / 1e3:G4} kHz)");
}
