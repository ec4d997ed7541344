namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>What the encoder puts on one input position u_n of the polar transform (TS 38.212 §5.3.1.2).</summary>
public enum PolarBitKind : byte
{
    /// <summary>A frozen bit, n ∈ Q_F^N: always 0.</summary>
    Frozen = 0,

    /// <summary>An information bit, n ∈ Q_I^N \ Q_PC^N: the next interleaved input bit c'_k.</summary>
    Information = 1,

    /// <summary>A parity-check bit, n ∈ Q_PC^N: the output of the length-5 cyclic shift register.</summary>
    ParityCheck = 2,
}
