namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// The PRACH preamble formats of TS 38.211 §6.3.3.1: the long formats 0–3 (L_RA = 839, Table 6.3.3.1-1) and the short
/// formats A1–A3, B1–B4, C0 and C2 (L_RA = 139, Table 6.3.3.1-2).
/// </summary>
public enum PrachPreambleFormat
{
    /// <summary>Format 0: Δf_RA = 1.25 kHz, N_u = 24576κ, N_CP = 3168κ.</summary>
    Format0,

    /// <summary>Format 1: Δf_RA = 1.25 kHz, N_u = 2·24576κ, N_CP = 21024κ.</summary>
    Format1,

    /// <summary>Format 2: Δf_RA = 1.25 kHz, N_u = 4·24576κ, N_CP = 4688κ.</summary>
    Format2,

    /// <summary>Format 3: Δf_RA = 5 kHz, N_u = 4·6144κ, N_CP = 3168κ.</summary>
    Format3,

    /// <summary>Format A1: N_u = 2·2048κ·2^−μ, N_CP = 288κ·2^−μ.</summary>
    A1,

    /// <summary>Format A2: N_u = 4·2048κ·2^−μ, N_CP = 576κ·2^−μ.</summary>
    A2,

    /// <summary>Format A3: N_u = 6·2048κ·2^−μ, N_CP = 864κ·2^−μ.</summary>
    A3,

    /// <summary>Format B1: N_u = 2·2048κ·2^−μ, N_CP = 216κ·2^−μ.</summary>
    B1,

    /// <summary>Format B2: N_u = 4·2048κ·2^−μ, N_CP = 360κ·2^−μ.</summary>
    B2,

    /// <summary>Format B3: N_u = 6·2048κ·2^−μ, N_CP = 504κ·2^−μ.</summary>
    B3,

    /// <summary>Format B4: N_u = 12·2048κ·2^−μ, N_CP = 936κ·2^−μ.</summary>
    B4,

    /// <summary>Format C0: N_u = 2048κ·2^−μ, N_CP = 1240κ·2^−μ.</summary>
    C0,

    /// <summary>Format C2: N_u = 4·2048κ·2^−μ, N_CP = 2048κ·2^−μ.</summary>
    C2,
}
