namespace OpenRan.Engine.Runtime;

/// <summary>Test hooks that declare work late in virtual time, to exercise the drop-and-recover paths deterministically.</summary>
public interface IEngineFaults
{
    /// <summary>Whether the downlink of slot <paramref name="slotIndex"/> counts as not ready at its deadline.</summary>
    bool IsDownlinkLate(long slotIndex);

    /// <summary>Whether the uplink decode of slot <paramref name="slotIndex"/> counts as past its budget.</summary>
    bool IsUplinkLate(long slotIndex);
}
