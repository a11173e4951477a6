/**
 * Opens a microphone for the call or a recording (the given device, or the default), with
 * the browser's echo cancellation, noise suppression and auto gain: the
 * speakers' voices come out of the same room the microphone hears.
 */
export function microphone(deviceId: string | null): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: {
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    },
  })
}
