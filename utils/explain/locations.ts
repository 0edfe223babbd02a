// Airport codes that CDNs use to name their data centres, mapped to the city they serve.
// Cloudflare's Ray ID suffix is the data centre's IATA airport code (https://developers.cloudflare.com/fundamentals/reference/cloudflare-ray-id/);
// Fastly POPs and CloudFront edge locations are named the same way (https://www.fastly.com/documentation/guides/concepts/pop/).
const CITIES: Record<string, string> = {
  ATL: 'Atlanta, US', BOS: 'Boston, US', EWR: 'Newark, US', ORD: 'Chicago, US', DFW: 'Dallas, US', DEN: 'Denver, US',
  LAX: 'Los Angeles, US', SFO: 'San Francisco, US', MSP: 'Minneapolis, US', IAD: 'Ashburn (Washington DC), US',
  JFK: 'New York, US', LGA: 'New York, US', MIA: 'Miami, US', IAH: 'Houston, US', PHX: 'Phoenix, US', SJC: 'San Jose, US',
  SEA: 'Seattle, US', PDX: 'Portland, US', CLE: 'Cleveland, US', CMH: 'Columbus, US', BUR: 'Burbank, US', SLC: 'Salt Lake City, US',
  YYZ: 'Toronto, CA', YVR: 'Vancouver, CA', YUL: 'Montréal, CA',
  GRU: 'São Paulo, BR', GIG: 'Rio de Janeiro, BR', EZE: 'Buenos Aires, AR', SCL: 'Santiago, CL', BOG: 'Bogotá, CO', LIM: 'Lima, PE',
  QRO: 'Querétaro, MX', MEX: 'Mexico City, MX',
  LHR: 'London, GB', LON: 'London, GB', LCY: 'London, GB', MAN: 'Manchester, GB', DUB: 'Dublin, IE', AMS: 'Amsterdam, NL',
  FRA: 'Frankfurt, DE', CDG: 'Paris, FR', MRS: 'Marseille, FR', MAD: 'Madrid, ES', BCN: 'Barcelona, ES', MXP: 'Milan, IT',
  FCO: 'Rome, IT', ZRH: 'Zürich, CH', VIE: 'Vienna, AT', CPH: 'Copenhagen, DK', ARN: 'Stockholm, SE', OSL: 'Oslo, NO',
  HEL: 'Helsinki, FI', WAW: 'Warsaw, PL', PRG: 'Prague, CZ', MUC: 'Munich, DE', DUS: 'Düsseldorf, DE', HAM: 'Hamburg, DE',
  TXL: 'Berlin, DE', BER: 'Berlin, DE', BRU: 'Brussels, BE', LIS: 'Lisbon, PT', ATH: 'Athens, GR', SOF: 'Sofia, BG', OTP: 'Bucharest, RO',
  BUD: 'Budapest, HU', KBP: 'Kyiv, UA', IST: 'Istanbul, TR', TLV: 'Tel Aviv, IL', DXB: 'Dubai, AE', FJR: 'Fujairah, AE',
  BAH: 'Bahrain', DOH: 'Doha, QA', CAI: 'Cairo, EG', JNB: 'Johannesburg, ZA', CPT: 'Cape Town, ZA', LOS: 'Lagos, NG', NBO: 'Nairobi, KE',
  SIN: 'Singapore', HKG: 'Hong Kong', NRT: 'Tokyo, JP', HND: 'Tokyo, JP', KIX: 'Osaka, JP', ICN: 'Seoul, KR', TPE: 'Taipei, TW',
  BOM: 'Mumbai, IN', DEL: 'New Delhi, IN', MAA: 'Chennai, IN', BLR: 'Bengaluru, IN', HYD: 'Hyderabad, IN', CCU: 'Kolkata, IN',
  KUL: 'Kuala Lumpur, MY', BKK: 'Bangkok, TH', CGK: 'Jakarta, ID', MNL: 'Manila, PH', SGN: 'Ho Chi Minh City, VN', HAN: 'Hanoi, VN',
  SYD: 'Sydney, AU', MEL: 'Melbourne, AU', BNE: 'Brisbane, AU', PER: 'Perth, AU', AKL: 'Auckland, NZ',
};

/** The city for a three-letter airport code, if Gatewhy knows it. */
export function cityOf(code: string): string | undefined {
  return CITIES[code.toUpperCase()];
}

/** "SJC (San Jose, US)", or just the code when unknown. */
export function placeName(code: string): string {
  const city = cityOf(code);
  return city ? `${code.toUpperCase()} (${city})` : code.toUpperCase();
}
