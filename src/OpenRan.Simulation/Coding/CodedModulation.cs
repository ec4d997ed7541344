namespace OpenRan.Simulation.Coding;

/// <summary>The modulations of the coded AWGN simulation: each coded bit rides one real dimension.</summary>
public enum CodedModulation
{
    /// <summary>BPSK: one bit per symbol, x = 1 − 2b, E_s = 1.</summary>
    Bpsk,

    /// <summary>Gray QPSK: two bits per symbol, one per dimension, x = ((1 − 2b_0) + j(1 − 2b_1))/√2, E_s = 1.</summary>
    Qpsk,
}
