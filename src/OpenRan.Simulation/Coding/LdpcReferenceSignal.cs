using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Simulation.Coding;

/// <summary>
/// A seeded LDPC test signal for benchmarks and examples: a random message of K bits, its codeword (N bits) and int8
/// LLRs of the first bits sent as BPSK over AWGN.
/// </summary>
/// <param name="Message">c_0 … c_(K−1).</param>
/// <param name="Codeword">d_0 … d_(N−1).</param>
/// <param name="Llrs">LLRs of d_0 … d_(L−1): round(scale · 2y/σ²) clamped to ±120.</param>
public sealed record LdpcReferenceSignal(byte[] Message, byte[] Codeword, sbyte[] Llrs)
{
    /// <summary>Builds the signal.</summary>
    /// <param name="code">The code.</param>
    /// <param name="llrCount">L, 0..N.</param>
    /// <param name="esN0Db">E_s/N_0 of the BPSK channel in dB.</param>
    /// <param name="llrScale">Quantization factor of the LLRs.</param>
    /// <param name="seed">Random seed.</param>
    public static LdpcReferenceSignal Create(LdpcCode code, int llrCount, double esN0Db = 3, float llrScale = LdpcFrameCodecOptions.DefaultLlrScale, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfOutside(llrCount, 0, code.CodewordLength);
        var random = new Random(seed);
        var message = new byte[code.InformationLength];
        for (int i = 0; i < message.Length; i++)
        {
            message[i] = (byte)random.Next(2);
        }

        var codeword = new byte[code.CodewordLength];
        new LdpcEncoder().Encode(message, codeword, code);
        double sigma = Math.Sqrt(1 / (2 * Math.Pow(10, esN0Db / 10)));
        var llrs = new sbyte[llrCount];
        for (int i = 0; i < llrCount; i++)
        {
            double n = StandardNormal.Next(random);
            double y = (1 - (2 * codeword[i])) + (sigma * n);
            llrs[i] = LogLikelihoodRatio.Quantize((float)(2 * y / (sigma * sigma)), llrScale);
        }

        return new LdpcReferenceSignal(message, codeword, llrs);
    }
}
