using OpenRan.Dsp;

namespace OpenRan.Phy.Common;

/// <summary>
/// A subcarrier-spacing configuration μ (TS 38.211 §4.2, Table 4.2-1): Δf = 2^μ·15 kHz, with its frame structure
/// (TS 38.211 §4.3: 2^μ slots per 1 ms subframe).
/// </summary>
public readonly record struct Numerology
{
    /// <summary>Creates μ.</summary>
    /// <param name="mu">μ, 0..<see cref="NrConstants.MaxNumerology"/>.</param>
    public Numerology(int mu)
    {
        ThrowHelper.ThrowIfOutside(mu, 0, NrConstants.MaxNumerology);
        Mu = mu;
    }

    /// <summary>μ.</summary>
    public int Mu { get; }

    /// <summary>Δf = 2^μ·15 kHz, in Hz.</summary>
    public int SubcarrierSpacingHz => 15_000 << Mu;

    /// <summary>Δf in kHz (15, 30, 60, 120, 240).</summary>
    public int SubcarrierSpacingKhz => 15 << Mu;

    /// <summary>Slots per 1 ms subframe, N_slot^subframe,μ = 2^μ (TS 38.211 Table 4.3.2-1).</summary>
    public int SlotsPerSubframe => 1 << Mu;

    /// <summary>Slots per 10 ms frame, N_slot^frame,μ = 10·2^μ.</summary>
    public int SlotsPerFrame => NrConstants.SubframesPerFrame << Mu;

    /// <summary>Slot duration in seconds (1 ms / 2^μ).</summary>
    public double SlotDurationSeconds => 1e-3 / SlotsPerSubframe;

    /// <summary>OFDM symbols per slot, N_symb^slot: 14 (normal CP) or 12 (extended CP) (TS 38.211 Tables 4.3.2-1/-2).</summary>
    public static int SymbolsPerSlot(CyclicPrefix cyclicPrefix) =>
        cyclicPrefix == CyclicPrefix.Extended ? NrConstants.SymbolsPerSlotExtendedCp : NrConstants.SymbolsPerSlotNormalCp;

    /// <summary>OFDM symbols per subframe, N_symb^slot·2^μ.</summary>
    public int SymbolsPerSubframe(CyclicPrefix cyclicPrefix) => SymbolsPerSlot(cyclicPrefix) * SlotsPerSubframe;

    /// <summary>Whether <paramref name="cyclicPrefix"/> is allowed with this μ (extended CP only with μ = 2, TS 38.211 Table 4.2-1).</summary>
    public bool Supports(CyclicPrefix cyclicPrefix) => cyclicPrefix == CyclicPrefix.Normal || Mu == 2;

    /// <summary>The numerology of a subcarrier spacing.</summary>
    /// <param name="subcarrierSpacingKhz">15, 30, 60, 120 or 240.</param>
    public static Numerology FromSubcarrierSpacingKhz(int subcarrierSpacingKhz)
    {
        for (int mu = 0; mu <= NrConstants.MaxNumerology; mu++)
        {
            if (15 << mu == subcarrierSpacingKhz)
            {
                return new Numerology(mu);
            }
        }

        ThrowHelper.ThrowOutOfRange(nameof(subcarrierSpacingKhz), subcarrierSpacingKhz, "15, 30, 60, 120, 240 kHz");
        return default;
    }

    /// <summary>Formats as <c>μ=1 (30 kHz)</c>.</summary>
    public override string ToString() => $"μ={Mu} ({SubcarrierSpacingKhz} kHz)";
}
