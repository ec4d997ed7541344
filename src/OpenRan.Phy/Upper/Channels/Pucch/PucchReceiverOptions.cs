using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>Options of the PUCCH receivers.</summary>
public sealed record PucchReceiverOptions
{
    /// <summary>
    /// The probability that noise alone passes a DTX test (P_FA of <see cref="PucchDetectionThreshold"/>) where no CRC
    /// follows: formats 0 and 1 test the sequence energy of their hypotheses, formats 2–4 with a (32, A) block code the energy
    /// of the whole re-modulated occasion. Default 0.01, the DTX-to-ACK probability TS 38.104 §8.3.2–§8.3.4 allows.
    /// </summary>
    public double FalseAlarmProbability { get; init; } = 0.01;

    /// <summary>
    /// The false-alarm probability of the DM-RS energy test that precedes CRC-protected (polar-coded, A ≥ 12) UCI, default
    /// 0.1: the CRC does the rest. Noise alone then passes both with probability ≤ 0.1 × P(CRC passes noise), which is
    /// about 0.1·L·2^−11 ≈ 0.04 % with CRC11 and a list of L = 8, and about 0.1·L·2^−6 ≈ 1.25 % with CRC6 (the three
    /// parity-check bits of 12..19-bit payloads prune list paths but add no measurable check on noise; measured with
    /// <c>openran sim false-detection</c>: 3.4e-4 and 1.16e-2). A stricter value trades UCI BLER at low SNR for fewer false decodes.
    /// </summary>
    public double CrcProtectedFalseAlarmProbability { get; init; } = 0.1;

    /// <summary>List size of the CA-SCL decoder of polar-coded UCI (1..8), default 8.</summary>
    public int PolarListSize { get; init; } = 8;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(FalseAlarmProbability > 0 && FalseAlarmProbability < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(FalseAlarmProbability), FalseAlarmProbability, "0 < P_FA < 1");
        }

        if (!(CrcProtectedFalseAlarmProbability > 0 && CrcProtectedFalseAlarmProbability < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(CrcProtectedFalseAlarmProbability), CrcProtectedFalseAlarmProbability, "0 < P_FA < 1");
        }

        ThrowHelper.ThrowIfOutside(PolarListSize, 1, 8);
    }

    /// <summary>The default options.</summary>
    public static PucchReceiverOptions Default { get; } = new();

    /// <summary>Validates and returns <paramref name="options"/>, or the defaults.</summary>
    internal static PucchReceiverOptions OrDefault(PucchReceiverOptions? options)
    {
        options ??= Default;
        options.Validate();
        return options;
    }
}
