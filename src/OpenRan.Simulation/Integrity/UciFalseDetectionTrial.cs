using System;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;
using OpenRan.Phy.Upper.ChannelCoding.Uci;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Integrity;

/// <summary>
/// A UCI decoder alone on Gaussian LLRs (σ = 2, no signal): polar-coded UCI (A ≥ 12, E = 3·(A + L_CRC); a false detection is a
/// passed CRC) or the small-block code (A ≤ 11, 32 coded bits or the repetition/simplex code; a false detection is a decided
/// message: these codes have no CRC, so noise always decodes to some message and only the receiver's DTX test rejects it).
/// </summary>
internal sealed class UciFalseDetectionTrial : FalseDetectionTrial
{
    private const int ListSize = 8;
    private const double LlrVariance = 4;
    private readonly int _payloadBits;
    private readonly UciPolarDecoder? _polar;
    private readonly float[] _llrs;
    private readonly byte[] _payload;

    public UciFalseDetectionTrial(int payloadBits)
    {
        _payloadBits = payloadBits;
        _payload = new byte[payloadBits];
        if (payloadBits >= 12)
        {
            _polar = new UciPolarDecoder(ListSize);
            _llrs = new float[3 * (payloadBits + CrcLength)];
        }
        else
        {
            // K = 1: the repeated c0 (2 for QPSK); K = 2: the repeated (c0, c1, c2) (6 for QPSK); else 32.
            _llrs = new float[payloadBits == 1 ? 2 : payloadBits == 2 ? 6 : 32];
        }
    }

    private int CrcLength => _payloadBits >= 20 ? 11 : 6;

    public override bool HasDtxTest => false;

    public override string Description => _polar is not null
        ? $"polar-coded UCI decoder alone, A = {_payloadBits} bits, E = {_llrs.Length}, CRC{CrcLength}{(CrcLength == 6 ? " + 3 parity-check bits" : "")}, CA-SCL-8, on Gaussian LLRs (σ = 2); a false detection is a passed CRC"
        : $"small-block UCI decoder alone, A = {_payloadBits} bits, {_llrs.Length} coded bits, on Gaussian LLRs (σ = 2); no CRC: a false detection is a decided message (the receiver's DTX test must reject noise)";

    // CA-SCL: one of L paths passes a CRC of L_CRC bits, about L·2^−L_CRC (the parity-check bits of CRC6 payloads prune
    // paths but add no measurable check on noise); small block: always decided.
    public override double DesignBound => _polar is not null ? ListSize * Math.Pow(2, -CrcLength) : 1;

    public override (bool FalseDetection, bool SignalDetected) Run(ComplexGaussianSource noise, RandomStream random)
    {
        noise.GenerateReal(_llrs, LlrVariance);
        if (_polar is not null)
        {
            return (_polar.Decode(_llrs, _payload), false);
        }

        SmallBlockDecodeResult result = _payloadBits <= 2
            ? SmallBlockCode.DecodeRepetitionSimplex(_llrs, _payload)
            : SmallBlockCode.DecodeReedMuller(_llrs, _payload);
        return (result.Decided, false);
    }
}
