// Three-point studio lighting with a warm key and a cool rim, so the face reads well from any side.
export function Lights() {
  return (
    <>
      <hemisphereLight args={['#fff6ee', '#6d5a52', 0.55]} />
      <directionalLight position={[250, 320, 420]} intensity={1.6} color="#fff1e6" />
      <directionalLight position={[-380, 120, 260]} intensity={0.6} color="#e8efff" />
      <directionalLight position={[0, 250, -420]} intensity={0.7} color="#dfe9ff" />
      <ambientLight intensity={0.12} />
    </>
  );
}
