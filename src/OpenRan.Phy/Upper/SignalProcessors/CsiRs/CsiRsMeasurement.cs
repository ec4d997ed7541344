using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// What a UE measures on one CSI-RS resource at one receive antenna: the channel of every port per carried resource
/// block (least squares, CDM despread), the noise variance per resource element, CSI-RSRP (TS 38.215 §5.1.2: the
/// average received power per resource element carrying the port) and the SNR. Buffers sized at construction; an
/// estimate overwrites the previous one.
/// </summary>
public sealed class CsiRsMeasurement
{
    private readonly ComplexF32[] _channel;
    private readonly int[] _blocks = new int[NrConstants.MaxPrb];
    private readonly float[] _rsrp;

    /// <summary>Allocates room for up to <paramref name="maxPorts"/> ports (1..32).</summary>
    public CsiRsMeasurement(int maxPorts)
    {
        ThrowHelper.ThrowIfOutside(maxPorts, 1, 32);
        MaxPorts = maxPorts;
        _channel = new ComplexF32[maxPorts * NrConstants.MaxPrb];
        _rsrp = new float[maxPorts];
    }

    /// <summary>Largest number of ports.</summary>
    public int MaxPorts { get; }

    /// <summary>Ports of the last estimate.</summary>
    public int PortCount { get; internal set; }

    /// <summary>Carried resource blocks of the last estimate.</summary>
    public int BlockCount { get; internal set; }

    /// <summary>The carried common resource blocks, in increasing order.</summary>
    public ReadOnlySpan<int> Blocks => _blocks.AsSpan(0, BlockCount);

    /// <summary>Noise variance per resource element (σ², in the grid's units), averaged over the ports; NaN with fewer than three carried blocks.</summary>
    public float NoiseVariance { get; internal set; }

    /// <summary>Ĥ of port <paramref name="port"/> (p − 3000) per carried block (the channel, β_CSIRS removed).</summary>
    public ReadOnlySpan<ComplexF32> Channel(int port)
    {
        ThrowHelper.ThrowIfOutside(port, 0, PortCount - 1);
        return _channel.AsSpan(port * NrConstants.MaxPrb, BlockCount);
    }

    /// <summary>CSI-RSRP of port <paramref name="port"/>: β²·(mean |Ĥ|² − estimation-noise bias), linear, per resource element.</summary>
    public float RsrpLinear(int port)
    {
        ThrowHelper.ThrowIfOutside(port, 0, PortCount - 1);
        return _rsrp[port];
    }

    /// <summary>SNR of port <paramref name="port"/> per resource element, dB: RSRP / σ².</summary>
    public double SnrDb(int port) => 10 * Math.Log10(RsrpLinear(port) / NoiseVariance);

    internal Span<ComplexF32> ChannelBuffer(int port) => _channel.AsSpan(port * NrConstants.MaxPrb, NrConstants.MaxPrb);

    internal Span<int> BlockBuffer => _blocks;

    internal Span<float> RsrpBuffer => _rsrp;
}
