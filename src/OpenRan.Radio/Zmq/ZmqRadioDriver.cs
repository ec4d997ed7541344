using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using NetMQ;

namespace OpenRan.Radio.Zmq;

/// <summary>
/// The <c>zmq</c> driver: <see cref="ZmqRadio"/> with srsRAN-style arguments, e.g.
/// <c>tx_port=tcp://*:2000,rx_port=tcp://localhost:2001</c> (per channel: <c>tx_port0</c>, <c>tx_port1</c>, …).
/// </summary>
public sealed class ZmqRadioDriver : IRadioDriver
{
    private static int s_pooled;

    /// <inheritdoc />
    public string Name => "zmq";

    /// <inheritdoc />
    public string Description => "virtual radio over ZeroMQ REQ/REP, wire-compatible with srsRAN's ZMQ radio (float32 I/Q)";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments { get; } =
    [
        new("tx_port", "transmit address the REP socket binds, e.g. tcp://*:2000 (same as tx_port0)"),
        new("tx_portN", "transmit address of channel N"),
        new("rx_port", "receive address the REQ socket connects to, e.g. tcp://localhost:2001 (same as rx_port0)"),
        new("rx_portN", "receive address of channel N"),
        new("base_srate", "sample rate in Hz as srsRAN spells it; accepted for compatibility, must match the configuration when given"),
        new("timeout_ms", "peer silence reported as Disconnected, 10..3600000 ms (default 1000)"),
        new("max_samples", "most samples per reply and largest reply accepted, 64..4194304 (default 16384)"),
        new("id", "a name for logs (srsRAN 4G), ignored"),
    ];

    /// <summary>
    /// Makes NetMQ take received-message buffers from a pool instead of allocating one per message (NetMQ's
    /// <see cref="BufferPool"/> is process-wide; this is done once, the first time a ZMQ radio opens).
    /// </summary>
    public static void UsePooledNetMqBuffers()
    {
        if (Interlocked.Exchange(ref s_pooled, 1) == 0)
        {
            BufferPool.SetBufferManagerBufferPool(256L << 20, 64 << 20);
        }
    }

    /// <inheritdoc />
    public bool IsAvailable(out string reason)
    {
        reason = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.ThrowIfUnknown(Name, Arguments);
        string[] tx = Addresses(arguments, "tx_port");
        string[] rx = Addresses(arguments, "rx_port");
        if (tx.Length + rx.Length == 0)
        {
            throw new RadioArgumentException("tx_port", "the zmq driver needs tx_port=ADDRESS and/or rx_port=ADDRESS (srsRAN device_args form).");
        }

        _ = arguments.GetDouble("base_srate", 0, 1, 1e10);
        _ = arguments.GetInt64("timeout_ms", 1000, 10, 3_600_000);
        _ = arguments.GetInt64("max_samples", 16384, 64, 1 << 22);
    }

    /// <inheritdoc />
    public IReadOnlyList<RadioDeviceInfo> Find(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return Addresses(arguments, "tx_port").Length + Addresses(arguments, "rx_port").Length == 0
            ? []
            : [new RadioDeviceInfo(Name, "ZeroMQ virtual radio", arguments.ToString())];
    }

    /// <inheritdoc />
    public IRadio Open(RadioArguments arguments)
    {
        Validate(arguments);
        UsePooledNetMqBuffers();
        return new ZmqRadio(
            Addresses(arguments, "tx_port"),
            Addresses(arguments, "rx_port"),
            TimeSpan.FromMilliseconds(arguments.GetInt64("timeout_ms", 1000, 10, 3_600_000)),
            (int)arguments.GetInt64("max_samples", 16384, 64, 1 << 22));
    }

    /// <summary>The addresses of <paramref name="prefix"/> (<c>tx_port</c>/<c>rx_port</c>) in channel order; gaps in channel numbers are errors.</summary>
    internal static string[] Addresses(RadioArguments arguments, string prefix)
    {
        var byChannel = new SortedDictionary<int, string>();
        foreach (string key in arguments.Keys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            int channel = key.Length == prefix.Length ? 0 : int.Parse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);
            string address = arguments[key]!;
            if (!(address.StartsWith("tcp://", StringComparison.Ordinal) || address.StartsWith("ipc://", StringComparison.Ordinal) || address.StartsWith("inproc://", StringComparison.Ordinal)))
            {
                throw new RadioArgumentException(key, $"radio argument {key}={address} is not a ZMQ address; valid: tcp://HOST:PORT | ipc://PATH | inproc://NAME.");
            }

            if (!byChannel.TryAdd(channel, address))
            {
                throw new RadioArgumentException(key, $"radio argument {key} sets channel {channel}, which {prefix}{(channel == 0 ? " or " + prefix + "0" : channel.ToString(CultureInfo.InvariantCulture))} already sets.");
            }
        }

        var list = new List<string>();
        foreach ((int channel, string address) in byChannel)
        {
            if (channel != list.Count)
            {
                throw new RadioArgumentException(prefix, $"radio argument {prefix}{list.Count} is missing: channels must be numbered 0, 1, 2, … without gaps.");
            }

            list.Add(address);
        }

        return [.. list];
    }
}
