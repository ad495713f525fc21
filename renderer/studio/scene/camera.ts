// Where the studio camera starts: in front of the face, framing the head from the neck to the vertex.
export const CAMERA_START = { position: [0, 40, 560] as [number, number, number], target: [0, 10, 40] as [number, number, number], fov: 30, near: 5, far: 5000 };
