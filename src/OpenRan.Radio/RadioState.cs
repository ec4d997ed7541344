using System;

namespace OpenRan.Radio;

/// <summary>The lifecycle of a radio: <c>Open → Configure → Start(at) → Stop → Dispose</c>.</summary>
public enum RadioState
{
    /// <summary>Opened by its driver; control calls that need a configuration are not yet allowed.</summary>
    Opened,

    /// <summary>Configured: streams exist and buffers are allocated; not streaming.</summary>
    Configured,

    /// <summary>Streaming samples.</summary>
    Streaming,

    /// <summary>Stopped after streaming; may be started again or reconfigured.</summary>
    Stopped,

    /// <summary>Disposed; every call except <see cref="IDisposable.Dispose"/> throws <see cref="ObjectDisposedException"/>.</summary>
    Disposed,
}
