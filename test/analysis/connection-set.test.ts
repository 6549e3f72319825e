import { ConnectionSet } from '../../src/analysis/connection-set';

describe('ConnectionSet', () => {
  test('all and none print as np-guard does', () => {
    expect(ConnectionSet.all().toString()).toBe('All Connections');
    expect(ConnectionSet.none().toString()).toBe('No Connections');
    expect(ConnectionSet.all().isAll()).toBe(true);
    expect(ConnectionSet.none().isEmpty()).toBe(true);
  });

  test('single ports, ranges and a whole protocol', () => {
    expect(ConnectionSet.ports('TCP', 80).toString()).toBe('TCP 80');
    expect(ConnectionSet.ports('UDP', 32000, 32768).toString()).toBe('UDP 32000-32768');
    expect(ConnectionSet.protocol('TCP').toString()).toBe('TCP 1-65535');
  });

  test('groups sorted by protocol name, ports merged', () => {
    const set = ConnectionSet.ports('UDP', 53)
      .union(ConnectionSet.ports('TCP', 80))
      .union(ConnectionSet.protocol('SCTP').subtract(ConnectionSet.ports('SCTP', 9003)));
    expect(set.toString()).toBe('SCTP 1-9002,9004-65535,TCP 80,UDP 53');
  });

  test('touching and overlapping intervals merge', () => {
    const set = ConnectionSet.ports('TCP', 80, 81).union(ConnectionSet.ports('TCP', 82, 90)).union(ConnectionSet.ports('TCP', 85, 100));
    expect(set.intervals('TCP')).toEqual([{ from: 80, to: 100 }]);
    expect(ConnectionSet.ports('TCP', 80).union(ConnectionSet.ports('TCP', 443)).toString()).toBe('TCP 80,443');
  });

  test('intersect and subtract', () => {
    const a = ConnectionSet.ports('TCP', 1, 100).union(ConnectionSet.ports('UDP', 53));
    const b = ConnectionSet.ports('TCP', 50, 200);
    expect(a.intersect(b).toString()).toBe('TCP 50-100');
    expect(a.subtract(b).toString()).toBe('TCP 1-49,UDP 53');
    expect(ConnectionSet.all().subtract(ConnectionSet.protocol('TCP')).toString()).toBe('SCTP 1-65535,UDP 1-65535');
    expect(a.intersect(ConnectionSet.ports('SCTP', 1)).isEmpty()).toBe(true);
  });

  test('union of all three protocols fully open is All Connections', () => {
    const set = ConnectionSet.protocol('TCP').union(ConnectionSet.protocol('UDP')).union(ConnectionSet.protocol('SCTP'));
    expect(set.isAll()).toBe(true);
    expect(set.equals(ConnectionSet.all())).toBe(true);
  });

  test('all and none are identities', () => {
    const x = ConnectionSet.ports('UDP', 53);
    expect(ConnectionSet.all().intersect(x).toString()).toBe('UDP 53');
    expect(x.intersect(ConnectionSet.all()).toString()).toBe('UDP 53');
    expect(x.union(ConnectionSet.none()).toString()).toBe('UDP 53');
    expect(ConnectionSet.none().union(x).toString()).toBe('UDP 53');
    expect(ConnectionSet.none().intersect(x).isEmpty()).toBe(true);
    expect(x.union(ConnectionSet.all()).isAll()).toBe(true);
  });

  test('contains and equals', () => {
    const set = ConnectionSet.ports('TCP', 8080, 8090);
    expect(set.contains('TCP', 8085)).toBe(true);
    expect(set.contains('TCP', 8091)).toBe(false);
    expect(set.contains('UDP', 8085)).toBe(false);
    expect(set.equals(ConnectionSet.ports('TCP', 8080, 8085).union(ConnectionSet.ports('TCP', 8086, 8090)))).toBe(true);
  });

  test('rejects ports outside 1-65535 and inverted ranges', () => {
    expect(() => ConnectionSet.ports('TCP', 0)).toThrow(RangeError);
    expect(() => ConnectionSet.ports('TCP', 65536)).toThrow(RangeError);
    expect(() => ConnectionSet.ports('TCP', 90, 80)).toThrow(RangeError);
  });
});
