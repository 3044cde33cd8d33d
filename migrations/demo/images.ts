/**
 * Demo artwork, drawn as SVG and rasterized with sharp at 4K so that every
 * channel rendition (web, email, screen up to 3840 px) can be generated.
 * Nothing is downloaded.
 */
import sharp from 'sharp'

export type DemoImage = { key: string; alt: { en: string; fr: string }; svg: string }

const W = 3840
const H = 2160

function scene(background: [string, string], body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${background[0]}"/><stop offset="1" stop-color="${background[1]}"/>
  </linearGradient></defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>${body}</svg>`
}

function candle(x: number, y: number, scale: number, wax: string): string {
  const w = 360 * scale
  const h = 760 * scale
  return `<g>
    <ellipse cx="${x}" cy="${y - h - 150 * scale}" rx="${160 * scale}" ry="${230 * scale}" fill="#ffd27a" opacity="0.35"/>
    <path d="M ${x} ${y - h - 260 * scale} q ${60 * scale} ${110 * scale} 0 ${190 * scale} q ${-60 * scale} ${-80 * scale} 0 ${-190 * scale} z" fill="#ffb84d"/>
    <rect x="${x - 6 * scale}" y="${y - h - 80 * scale}" width="${12 * scale}" height="${80 * scale}" fill="#3b2f2a"/>
    <rect x="${x - w / 2}" y="${y - h}" width="${w}" height="${h}" rx="${40 * scale}" fill="${wax}"/>
    <rect x="${x - w / 2}" y="${y - h * 0.55}" width="${w}" height="${h * 0.22}" fill="#ffffff" opacity="0.25"/>
  </g>`
}

export const DEMO_IMAGES: DemoImage[] = [
  {
    key: 'evening-candles',
    alt: { en: 'Three amber candles glowing on a dark oak table', fr: 'Trois bougies ambrées allumées sur une table en chêne sombre' },
    svg: scene(['#1d1a2f', '#4a2c2a'], `
      <rect x="0" y="1700" width="${W}" height="460" fill="#2a1c14"/>
      ${candle(1500, 1720, 1.2, '#e9a15b')}${candle(1950, 1720, 1.6, '#f1c27d')}${candle(2420, 1720, 1, '#d98c4a')}`),
  },
  {
    key: 'linen-throw',
    alt: { en: 'A sage-green linen throw folded over the arm of a sofa', fr: 'Un plaid en lin vert sauge plié sur l’accoudoir d’un canapé' },
    svg: scene(['#eae4d8', '#cfd8c4'], `
      <rect x="600" y="900" width="2640" height="900" rx="160" fill="#b9a58c"/>
      <rect x="500" y="760" width="700" height="1100" rx="180" fill="#a38f76"/>
      <path d="M 1400 700 L 2600 700 Q 2700 1100 2600 1500 L 1400 1500 Q 1300 1100 1400 700 Z" fill="#8aa17f"/>
      <path d="M 1400 860 L 2600 860 M 1400 1020 L 2600 1020 M 1400 1180 L 2600 1180 M 1400 1340 L 2600 1340" stroke="#7b9170" stroke-width="18"/>`),
  },
  {
    key: 'atelier',
    alt: { en: 'Our Lyon atelier: shelves of ceramics in soft daylight', fr: 'Notre atelier de Lyon : des étagères de céramiques dans la lumière du jour' },
    svg: scene(['#f6efe6', '#e3d3bf'], `
      ${[500, 1000, 1500].map((y) => `<rect x="400" y="${y}" width="3040" height="40" fill="#8c6b4f"/>`).join('')}
      ${[0, 1, 2, 3, 4, 5, 6].map((i) => `<ellipse cx="${700 + i * 400}" cy="${440}" rx="120" ry="60" fill="#d9c6ae"/><rect x="${600 + i * 400}" y="300" width="200" height="140" rx="40" fill="#c7a98a"/>`).join('')}
      ${[0, 1, 2, 3, 4, 5].map((i) => `<circle cx="${800 + i * 450}" cy="${880}" r="110" fill="#a7b8c2"/>`).join('')}
      ${[0, 1, 2, 3, 4].map((i) => `<rect x="${800 + i * 520}" y="1240" width="220" height="260" rx="30" fill="#d8b4a0"/>`).join('')}`),
  },
  {
    key: 'gold-lounge',
    alt: { en: 'A gold-lit private lounge with velvet armchairs', fr: 'Un salon privé aux lumières dorées avec des fauteuils en velours' },
    svg: scene(['#2b2118', '#6b4e22'], `
      <circle cx="1920" cy="600" r="380" fill="#f5d27a" opacity="0.35"/>
      <rect x="900" y="1200" width="800" height="600" rx="120" fill="#7a1f2b"/>
      <rect x="2140" y="1200" width="800" height="600" rx="120" fill="#7a1f2b"/>
      <rect x="1780" y="1500" width="280" height="300" rx="20" fill="#c9a24a"/>`),
  },
  {
    key: 'store-front',
    alt: { en: 'The Maison Lumen shop front at dusk, windows lit', fr: 'La façade de la boutique Maison Lumen au crépuscule, vitrines allumées' },
    svg: scene(['#20304a', '#c8775a'], `
      <rect x="700" y="700" width="2440" height="1460" fill="#3a2f2b"/>
      <rect x="700" y="560" width="2440" height="200" fill="#1b1412"/>
      <text x="1920" y="700" font-family="Georgia, serif" font-size="150" fill="#f3d9a4" text-anchor="middle">MAISON LUMEN</text>
      <rect x="860" y="900" width="900" height="1000" fill="#f7c873" opacity="0.85"/>
      <rect x="2080" y="900" width="900" height="1000" fill="#f7c873" opacity="0.85"/>`),
  },
]

export async function rasterize(image: DemoImage): Promise<Buffer> {
  return sharp(Buffer.from(image.svg)).jpeg({ quality: 88, mozjpeg: true }).toBuffer()
}
