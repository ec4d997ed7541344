using System;
using System.Collections.Generic;
using OpenRan.Engine.Configuration;
using OpenRan.Radio;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Emulation;

/// <summary>The <c>model=test-ue</c> provider of the loopback driver, bound to a cell (<c>ue_delay=SAMPLES</c>).</summary>
/// <param name="cell">The cell whose test UE is emulated.</param>
/// <param name="downlinkChannel">Makes the channel from the gNB to the UE (null: ideal).</param>
/// <param name="uplinkChannel">Makes the channel from the UE to the gNB (null: ideal).</param>
public sealed class TestUeUplinkChannelProvider(CellSetup cell, Func<ISampleChannel>? downlinkChannel = null, Func<ISampleChannel>? uplinkChannel = null) : ISampleChannelProvider
{
    private readonly List<TestUeUplinkChannel> _created = [];

    /// <summary>The channels created so far (for tests and reports).</summary>
    public IReadOnlyList<TestUeUplinkChannel> Created => _created;

    /// <inheritdoc />
    public string Name => "test-ue";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments =>
    [
        new("ue_delay", "[test-ue] extra propagation delay of the emulated UE in samples, 0..10000 (default 0)"),
        new("ra_slot", "[test-ue] slot from which a second emulated UE makes a random access (PRACH, RAR, Msg3, Msg4), -1..1000000 (default 20; -1: none)"),
        new("ra_preamble", "[test-ue] that UE's preamble index, 0..63 (default 0)"),
        new("ue_bler", "[test-ue] with dl-harq-feedback: pucch, the probability that a decoded PDSCH is answered with a NACK anyway (fault injection), 0..1 (default 0)"),
        new("ue_dtx", "[test-ue] with dl-harq-feedback: pucch, the probability of missing an assignment (no PUCCH), 0..1 (default 0)"),
    ];

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        _ = arguments.GetInt64("ue_delay", 0, 0, 10_000);
        _ = arguments.GetInt64("ra_slot", 20, -1, 1_000_000);
        _ = arguments.GetInt64("ra_preamble", 0, 0, 63);
        _ = arguments.GetDouble("ue_bler", 0, 0, 1);
        _ = arguments.GetDouble("ue_dtx", 0, 0, 1);
    }

    /// <inheritdoc />
    public ISampleChannel Create(RadioArguments arguments, int txChannel, int rxChannel, double sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (rxChannel > 0 && _created.Count > 0)
        {
            // One emulated UE: every further receive antenna hears the signal of the first.
            return new MirrorChannel(_created[^1]);
        }

        var channel = new TestUeUplinkChannel(
            cell,
            (int)arguments.GetInt64("ue_delay", 0, 0, 10_000),
            arguments.GetInt64("ra_slot", 20, -1, 1_000_000),
            (int)arguments.GetInt64("ra_preamble", 0, 0, 63),
            arguments.GetDouble("ue_bler", 0, 0, 1),
            arguments.GetDouble("ue_dtx", 0, 0, 1),
            downlinkChannel?.Invoke(),
            uplinkChannel?.Invoke());
        _created.Add(channel);
        return channel;
    }
}
