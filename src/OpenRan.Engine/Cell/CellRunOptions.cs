using System;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Cell;

/// <summary>How an <see cref="EmulatedCell"/> runs: air time, pacing, the channel between gNB and UE, the random access.</summary>
public sealed record CellRunOptions
{
    /// <summary>Air time to run, seconds.</summary>
    public double Seconds { get; init; } = 10;

    /// <summary>Paced by the wall clock (the loopback air follows the sample rate) instead of virtual time.</summary>
    public bool RealTime { get; init; }

    /// <summary>Makes the channel from the gNB to the UE (null: ideal).</summary>
    public Func<ISampleChannel>? DownlinkChannel { get; init; }

    /// <summary>Makes the channel from the UE to the gNB (null: ideal).</summary>
    public Func<ISampleChannel>? UplinkChannel { get; init; }

    /// <summary>What the channels are, for the report (e.g. "AWGN, SNR 30 dB").</summary>
    public string ChannelDescription { get; init; } = "ideal";

    /// <summary>The slot from which the UE makes its random access (PRACH preamble, RAR, Msg3).</summary>
    public long RandomAccessSlot { get; init; } = 20;

    /// <summary>The UE's preamble index, 0..63.</summary>
    public int PreambleIndex { get; init; }

    /// <summary>The UE's extra propagation delay in samples (the RAR's timing advance corrects it), 0..10000.</summary>
    public int DelaySamples { get; init; }

    /// <summary>The largest downlink and uplink BLER with which the cell counts as working, 0..1.</summary>
    public double MaxBler { get; init; } = 0.1;
}
