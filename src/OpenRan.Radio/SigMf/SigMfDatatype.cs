namespace OpenRan.Radio.SigMf;

/// <summary>The SigMF <c>core:datatype</c>s this project reads and writes (complex only).</summary>
public enum SigMfDatatype
{
    /// <summary><c>cf32_le</c>: little-endian float32 I then Q, full scale ±1.0.</summary>
    Cf32Le,

    /// <summary><c>ci16_le</c>: little-endian int16 I then Q; 32767 ↔ 1.0.</summary>
    Ci16Le,

    /// <summary><c>ci8</c>: int8 I then Q (HackRF, bladeRF SC8); maps to int16 by ×256.</summary>
    Ci8,

    /// <summary><c>cu8</c>: uint8 I then Q offset by 128 (RTL-SDR); maps to int16 by (v − 128)×256.</summary>
    Cu8,
}
