using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>Options of the PUCCH receivers.</summary>
public sealed record PucchReceiverOptions
{
    /// <summary>
    /// The probability that noise alone passes a DTX test (P_FA of <see cref="PucchDetectionThreshold"/>), for every format:
    /// formats 0 and 1 test the sequence energy of their hypotheses, formats 2–4 the DM-RS energy (and then any CRC). Default
    /// 0.01, the DTX-to-ACK probability TS 38.104 §8.3.2–§8.3.4 allows.
    /// </summary>
    public double FalseAlarmProbability { get; init; } = 0.01;

    /// <summary>List size of the CA-SCL decoder of polar-coded UCI (1..8), default 8.</summary>
    public int PolarListSize { get; init; } = 8;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(FalseAlarmProbability > 0 && FalseAlarmProbability < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(FalseAlarmProbability), FalseAlarmProbability, "0 < P_FA < 1");
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
