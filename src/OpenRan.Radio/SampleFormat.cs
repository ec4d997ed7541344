namespace OpenRan.Radio;

/// <summary>The element type of a sample stream.</summary>
public enum SampleFormat
{
    /// <summary><see cref="Dsp.ComplexF32"/>: interleaved float32 I/Q, full scale ±1.0.</summary>
    ComplexF32,

    /// <summary><see cref="Dsp.ComplexI16"/>: interleaved int16 I/Q; full scale 32767 corresponds to ±1.0 (<see cref="Streaming.SampleConvert.I16FullScale"/>).</summary>
    ComplexI16,
}
